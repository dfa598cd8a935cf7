package ar.gob.anses.clavess.nivel;

import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.flujo.Paso;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Last step of the login and of Crear clave: an app that needs level 3 (its Minimum ACR value, or an
 * essential acr request) gets no code for a level-2 citizen. The citizen is told how to reach level 3
 * and, with the button, the app receives a standard OIDC error at its redirect URI.
 */
final class NivelRequeridoAuthenticator implements Paso {

    /** The error_description the app receives with error=access_denied. */
    static final String ERROR_DESCRIPTION = "anses_nivel_insuficiente";
    private static final String TEMPLATE = "anses-nivel-insuficiente.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        int nivel = Nivel.de(context.getUser());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Integer pedido = nivelDe(authSession.getClient(), authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION));
        boolean esencial = Boolean.parseBoolean(authSession.getClientNote(Constants.FORCE_LEVEL_OF_AUTHENTICATION));
        Integer minimo = nivelDe(authSession.getClient(), AcrUtils.getMinimumAcrValue(authSession.getClient()));
        if (Nivel.alcanza(nivel, pedido, esencial, minimo)) {
            context.success();
            return;
        }
        int requerido = Math.max(minimo == null ? 0 : minimo, pedido == null ? 0 : pedido);
        context.getEvent().clone().event(EventType.LOGIN_ERROR).user(context.getUser())
                .detail(Details.REASON, "nivel " + nivel + " < " + requerido).error(ERROR_DESCRIPTION);
        context.challenge(context.form().setAttribute("nivel", nivel).setAttribute("nivelRequerido", requerido)
                .setAttribute("aplicacion", nombre(authSession.getClient())).createForm(TEMPLATE));
    }

    /** VOLVER A LA APLICACIÓN: the app gets error=access_denied, error_description=anses_nivel_insuficiente. */
    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginProtocol protocol = context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol())
                .setRealm(context.getRealm()).setHttpHeaders(context.getHttpRequest().getHttpHeaders())
                .setUriInfo(context.getUriInfo()).setEventBuilder(context.getEvent());
        Response error = protocol.sendError(authSession, LoginProtocol.Error.LOA_INVALID, ERROR_DESCRIPTION);
        context.forceChallenge(error);
    }

    /** An acr value of the request or client as a level, through the realm's and client's acr-to-LoA map. */
    static Integer nivelDe(ClientModel client, String acr) {
        if (acr == null || acr.isBlank()) {
            return null;
        }
        Integer loa = AcrUtils.getAcrLoaMap(client).get(acr);
        if (loa != null) {
            return loa;
        }
        try {
            return Integer.valueOf(acr);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nombre(ClientModel client) {
        return client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
