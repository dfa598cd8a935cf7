package ar.gob.anses.clavess.cambiarclave;

import ar.gob.anses.clavess.politica.ValidadorClave;
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
 * shown at once; on success the old clave stops working and the citizen's other sessions end.
 */
final class CambiarClaveRequiredAction implements RequiredActionProvider {

    private static final String TEMPLATE = "anses-cambiar-clave.ftl";

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
        context.challenge(page(context, List.of()).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
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
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user).error("anses_clave_no_cumple_politica");
            context.challenge(page(context, incumplidas).addError(new FormMessage(ValidadorClave.CAMPO_CLAVE, "ansesClaveNoCumple")).createForm(TEMPLATE));
            return;
        }
        user.credentialManager().updateCredential(UserCredentialModel.password(clave, false));
        AuthenticatorUtil.logoutOtherSessions(context);
        // Which credential: Keycloak's Shared Signals tell the apps "password" (without it, "unknown").
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).success();
        context.success();
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
