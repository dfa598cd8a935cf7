package ar.gob.anses.clavess.nofuiyo;

import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one login-theme page of "No fui yo" ({@value #TEMPLATE}) in each of its states; every text is a message key
 * ({@code ansesNoFuiYo…}) chosen by the template from {@code ansesNoFuiYoEstado}.
 */
final class NoFuiYoPage {

    static final String TEMPLATE = "anses-no-fui-yo.ftl";

    /** What the page says. */
    enum Estado {
        /** Asks the one confirmation (a form that POSTs the token). */
        CONFIRMAR,
        /** Done: every session closed, the clave must be replaced. */
        HECHO,
        /** The link was already used: nothing changed now. */
        USADO,
        /** The link is not one of ours, garbled, or for an account that is gone: nothing changed. */
        INVALIDO,
        /** The link expired: nothing changed. */
        VENCIDO
    }

    private NoFuiYoPage() {
    }

    static Response confirmar(KeycloakSession session, AuthenticationSessionModel authSession, String key) {
        RealmModel realm = session.getContext().getRealm();
        String accion = session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(NoFuiYoResourceProviderFactory.PROVIDER_ID).build().toString();
        return form(session, authSession, Estado.CONFIRMAR).setAttribute("ansesNoFuiYoAccion", accion)
                .setAttribute("ansesNoFuiYoKey", key).createForm(TEMPLATE);
    }

    static Response en(KeycloakSession session, Estado estado, Response.Status status) {
        return form(session, null, estado).setStatus(status).createForm(TEMPLATE);
    }

    private static LoginFormsProvider form(KeycloakSession session, AuthenticationSessionModel authSession, Estado estado) {
        RealmModel realm = session.getContext().getRealm();
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (authSession != null) {
            form.setAuthenticationSession(authSession);
        }
        String base = session.getContext().getUri().getBaseUri().toString();
        return form.setAttribute("ansesNoFuiYoEstado", estado.name())
                .setAttribute("ansesMiAnsesUrl", Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString())
                .setAttribute("ansesOlvideMiClaveUrl", (base.endsWith("/") ? base : base + "/") + "realms/" + realm.getName()
                        + "/login-actions/reset-credentials");
    }
}
