package ar.gob.anses.clavess.nivel;

import ar.gob.anses.clavess.cuenta.Nivel;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * {@code cuil}, {@code nivel} (a number) and {@code acr} ("2" or "3") from the user as it is when the
 * token is issued: at login, on SSO reuse and on refresh alike, so a level changed by an office shows in
 * the next token. Runs after Keycloak's "acr loa level" mapper, whose {@code acr} it replaces (that one
 * gives "0" on SSO reuse: keycloak#10205).
 */
public final class NivelProtocolMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "anses-nivel-mapper";
    public static final String CLAIM_CUIL = "cuil";
    public static final String CLAIM_NIVEL = "nivel";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, NivelProtocolMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: CUIL, nivel y acr";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the citizen's CUIL (cuil), level (nivel: 2 online, 3 in person) and the same level as acr "
                + "(\"2\"/\"3\") at the time the token is issued, also on SSO reuse and refresh. Nothing for a client's "
                + "service account (client credentials): it is no citizen.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public int getPriority() {
        return 100; // after the stock acr mapper (priority 0), whose acr this one replaces
    }

    /** Userinfo answers with the token's other claims only, so acr goes there (and only there, not twice). */
    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        AccessToken userInfo = super.transformUserInfoToken(token, mappingModel, session, userSession, clientSessionCtx);
        if (userInfo.getAcr() != null) {
            userInfo.getOtherClaims().put(IDToken.ACR, userInfo.getAcr());
            userInfo.setAcr(null);
        }
        return userInfo;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        if (user.getServiceAccountClientLink() != null) {
            return; // an app's own token (client credentials): no citizen, so no CUIL and no level to vouch for
        }
        int nivel = Nivel.de(user);
        token.getOtherClaims().put(CLAIM_CUIL, user.getUsername());
        token.getOtherClaims().put(CLAIM_NIVEL, nivel);
        token.setAcr(String.valueOf(nivel));
    }
}
