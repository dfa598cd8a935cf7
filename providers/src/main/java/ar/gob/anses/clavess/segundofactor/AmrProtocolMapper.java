package ar.gob.anses.clavess.segundofactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code amr}: the same claim as Keycloak 26.7.3's <i>Authentication Method Reference (AMR)</i> mapper
 * ({@code oidc-amr-mapper}): the "Authentication reference" of every step in the user session's completed
 * executions whose "Max age" has not run out ({@link Amr}), a list, present (maybe empty) in the ID and access tokens
 * the config asks for. Like Keycloak's, not in userinfo nor in introspection (neither mapper is one of those kinds, so
 * Keycloak applies neither there, whatever {@code introspection.token.claim} says). Ours because Keycloak's builds and
 * catches a NullPointerException per completed step without config, on every token (3.3 % of a refresh's CPU).
 */
public final class AmrProtocolMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper, OIDCIDTokenMapper {

    public static final String PROVIDER_ID = "anses-amr-mapper";
    public static final String CLAIM = OAuth2Constants.AUTHENTICATOR_METHOD_REFERENCE;

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AmrProtocolMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: amr";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds amr (RFC 8176): the Authentication reference set on the config of each step completed in the session "
                + "(clave pwd, TOTP otp, passkey hwk…) whose Max age has not run out. The same values as Keycloak's "
                + "Authentication Method Reference (AMR) mapper, at a lower cost per token.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        if (userSession.getUser().getServiceAccountClientLink() != null) {
            return; // client credentials: no one authenticated, so no methods to name
        }
        RealmModel realm = userSession.getRealm();
        Map<String, Integer> completados = AuthenticatorUtils.parseCompletedExecutions(
                clientSessionCtx.getClientSession().getUserSession().getNote(Constants.AUTHENTICATORS_COMPLETED));
        token.setOtherClaims(CLAIM, Amr.referencias(completados, id -> configDePaso(realm, id), Time.currentTime()));
    }

    /** The config of an execution's authenticator config; null when the execution is gone or has no config. */
    static Map<String, String> configDePaso(RealmModel realm, String ejecucion) {
        AuthenticationExecutionModel paso = realm.getAuthenticationExecutionById(ejecucion);
        if (paso == null || paso.getAuthenticatorConfig() == null) {
            return null;
        }
        AuthenticatorConfigModel config = realm.getAuthenticatorConfigById(paso.getAuthenticatorConfig());
        return config == null ? null : config.getConfig();
    }
}
