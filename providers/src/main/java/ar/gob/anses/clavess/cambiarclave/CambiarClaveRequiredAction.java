package ar.gob.anses.clavess.cambiarclave;

import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.politica.ValidadorClave;
import ar.gob.anses.clavess.politica.VersionPoliticas;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;

/**
 * Cambiar mi clave: after logging in with the current clave, the new one twice. Every broken rule is
 * shown at once; on success the old clave stops working and the citizen's other sessions end. A citizen who accepted
 * another version of the Políticas de Seguridad than the one in force reads and accepts them first (seed 000).
 */
final class CambiarClaveRequiredAction implements RequiredActionProvider {

    private static final String TEMPLATE = "anses-cambiar-clave.ftl";
    private static final String TEMPLATE_POLITICAS = "anses-politicas.ftl";
    private static final String FIELD_ACEPTO = "acepto";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED; // apps may start it with kc_action=anses-cambiar-clave
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Only on request: from the login page's "Cambiar mi clave" or an app's kc_action.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (politicasPendientes(context)) {
            context.challenge(politicasPage(context).createForm(TEMPLATE_POLITICAS));
            return;
        }
        context.challenge(page(context, List.of()).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (politicasPendientes(context)) {
            aceptarPoliticas(context, form);
            return;
        }
        if (form.containsKey("cancel")) {
            if (ClaveComun.pedida(context.getAuthenticationSession())) {
                // A common clave is replaced before the login ends: nothing to cancel.
                context.challenge(page(context, List.of()).createForm(TEMPLATE));
            } else {
                context.cancel();
            }
            return;
        }
        String clave = form.getFirst(ValidadorClave.CAMPO_CLAVE);
        Optional<FormMessage> campos = ValidadorClave.revisarCampos(clave, form.getFirst(ValidadorClave.CAMPO_CONFIRMACION));
        if (campos.isPresent()) {
            context.challenge(page(context, List.of()).addError(campos.get()).createForm(TEMPLATE));
            return;
        }
        UserModel user = context.getUser();
        List<PolicyError> incumplidas = new ValidadorClave(context.getSession(), context.getRealm()).incumplidas(user, clave);
        if (!incumplidas.isEmpty()) {
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user).error(ValidadorClave.MOTIVO_NO_CUMPLE);
            context.challenge(page(context, incumplidas).addError(new FormMessage(ValidadorClave.CAMPO_CLAVE, "ansesClaveNoCumple")).createForm(TEMPLATE));
            return;
        }
        user.credentialManager().updateCredential(UserCredentialModel.password(clave, false));
        AuthenticatorUtil.logoutOtherSessions(context);
        // Which credential: Keycloak's Shared Signals tell the apps "password" (without it, "unknown").
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).success();
        context.success();
    }

    /** Whether the citizen accepted a version of the Políticas de Seguridad other than the one in force (seed 000). */
    private static boolean politicasPendientes(RequiredActionContext context) {
        return VersionPoliticas.pedirDeNuevo(context.getUser().getFirstAttribute(Atributos.POLITICAS_VERSION),
                VersionPoliticas.vigente(context.getRealm()));
    }

    /** Accepted: recorded on the account, as Crear clave records it, and on to the new clave; else the page again. */
    private static void aceptarPoliticas(RequiredActionContext context, MultivaluedMap<String, String> form) {
        if (!"on".equals(form.getFirst(FIELD_ACEPTO))) {
            context.challenge(politicasPage(context).addError(new FormMessage(FIELD_ACEPTO, "ansesPoliticasNoAceptadas"))
                    .createForm(TEMPLATE_POLITICAS));
            return;
        }
        String vigente = VersionPoliticas.vigente(context.getRealm());
        context.getUser().setSingleAttribute(Atributos.POLITICAS_VERSION, vigente);
        context.challenge(page(context, List.of()).createForm(TEMPLATE));
    }

    private static LoginFormsProvider politicasPage(RequiredActionContext context) {
        return context.form().setAttribute("politicasVersion", VersionPoliticas.vigente(context.getRealm()))
                .setAttribute("ansesPoliticasIntro", "ansesPoliticasNuevaVersion");
    }

    private static LoginFormsProvider page(RequiredActionContext context, List<PolicyError> incumplidas) {
        return new ValidadorClave(context.getSession(), context.getRealm()).enLaPagina(context.form(), context.getUser(), incumplidas)
                .setAttribute("ansesClaveComun", ClaveComun.pedida(context.getAuthenticationSession()))
                .setAttribute("ansesClaveLegadaPolitica", ClaveComun.porPolitica(context.getAuthenticationSession()));
    }

    @Override
    public void close() {
    }
}
