package ar.gob.anses.clavess.representacion;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code representa} = {"cuil", "nombre", "relacion": "curatela"} while a curador acts for a ward: the ward the
 * user session's choice names, checked against the padrón (the curador and that ward, no other ward) at every token
 * (login, SSO reuse, refresh, userinfo, introspection), so a ward the padrón no longer lists, or no longer has under
 * curatela, is never named again.
 * {@code sub}, {@code cuil}, {@code nivel} and {@code acr} stay the curador's: this mapper touches nothing else.
 */
public final class RepresentaProtocolMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "anses-representa-mapper";
    public static final String CLAIM = "representa";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RepresentaProtocolMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: representa (curador por un curado)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "While a curador acts for a ward (chosen on the page of the required action anses-representacion), adds "
                + "representa = {\"cuil\", \"nombre\", \"relacion\": \"curatela\"}; the ward is checked against the padrón "
                + "at every token. Acting for themself: no claim. The token's subject, cuil, nivel and acr stay the curador's.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        String nota = userSession.getNote(Representacion.NOTA);
        if (nota == null || Representacion.PROPIA.equals(nota)) {
            return; // most citizens: no padrón lookup at all
        }
        Curadores.representado(session, userSession.getUser(), nota)
                .ifPresent(curado -> token.getOtherClaims().put(CLAIM, curado.claim()));
    }
}
