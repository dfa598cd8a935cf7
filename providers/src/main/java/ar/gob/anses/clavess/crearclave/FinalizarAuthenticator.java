package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.usi07.Usi07;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * Step 5 of Crear clave: "Tu clave fue habilitada exitosamente con nivel 2"; COMENZAR A UTILIZAR goes on to the app.
 * "Descargar Formulario USI-07" posts {@code descargar=usi07} to the step's refresh URL (no session code), which Keycloak
 * routes to {@link #authenticate}: the answer is the PDF and the page's session code stays unused, so COMENZAR A
 * UTILIZAR still works after any number of downloads.
 */
final class FinalizarAuthenticator implements Paso {

    private static final String TITULO = "ansesFinalizarTitulo";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (Usi07.pedida(context.getHttpRequest()) && context.getUser() != null) {
            context.challenge(Usi07.descarga(context.getSession(), context.getRealm(), context.getUser()));
            return;
        }
        context.challenge(page(context, TITULO, true));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (Usi07.pedida(context.getHttpRequest())) {
            // A download sent with the page's session code (an old page, a hand-made request): that code is spent now,
            // so the page comes back with a fresh one instead of a PDF the citizen could not continue from.
            context.challenge(page(context, TITULO, true));
            return;
        }
        new Eventos(context, DetallesEvento.Paso.FINALIZAR).exito();
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * The page of a clave just enabled with level 2 (seed 002's Finalizar; also seed 003 C.5's, after the online
     * enablement of a pending clave, titled {@code tituloKey} and without the USI-07, which that citizen already has).
     */
    static Response page(AuthenticationFlowContext context, String tituloKey, boolean conUsi07) {
        // Mi cuenta's personal data, where the citizen adds, changes or verifies the email address the notices go to.
        String cuenta = Urls.accountBase(context.getUriInfo().getBaseUri()).build(context.getRealm().getName()).toString(); // its first page: personal info
        UserModel user = context.getUser();
        boolean conCorreo = user != null && user.getEmail() != null && !user.getEmail().isBlank();
        LoginFormsProvider form = context.form().setAttribute("nivel", String.valueOf(Nivel.ONLINE)).setAttribute("cuentaUrl", cuenta)
                .setAttribute("correo", !conCorreo ? "ninguno" : user.isEmailVerified() ? "confirmado" : "sinConfirmar")
                .setAttribute("ansesTitulo", tituloKey);
        if (conUsi07) {
            form.setAttribute("usi07Url", context.getRefreshExecutionUrl().toString());
        }
        return form.createForm("anses-finalizar.ftl");
    }
}
