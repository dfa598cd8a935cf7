package ar.gob.anses.clavess.segundofactor;

import ar.gob.anses.clavess.flujo.Paso;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Last step of the subflow an app's demand opens: a citizen who has no second factor yet sets one up now (Keycloak's
 * TOTP set-up, then recovery codes), once, and lands in the app. Typing a valid code to finish the set-up proves the
 * app the same as the OTP form would: {@link AltaSegundoFactorRequiredAction} then records the subflow's OTP execution as
 * completed, so the token's {@code amr} says {@code otp}.
 */
final class AltaSegundoFactorAuthenticator implements Paso {

    /** Auth note: the id of the OTP execution of this subflow, whose {@code amr} the set-up earns. */
    static final String NOTE_EJECUCION_OTP = "anses.segundoFactor.ejecucionOtp";

    static final String CONFIGURE_TOTP = UserModel.RequiredAction.CONFIGURE_TOTP.name();
    static final String CONFIGURE_RECOVERY_AUTHN_CODES = UserModel.RequiredAction.CONFIGURE_RECOVERY_AUTHN_CODES.name();

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!SegundoFactor.configurado(context.getUser())) {
            ejecucionOtp(context.getRealm(), context.getExecution().getParentFlow()).ifPresent(id ->
                    context.getAuthenticationSession().setAuthNote(NOTE_EJECUCION_OTP, id));
            context.getAuthenticationSession().addRequiredAction(CONFIGURE_TOTP);
            context.getAuthenticationSession().addRequiredAction(CONFIGURE_RECOVERY_AUTHN_CODES);
            context.getAuthenticationSession().addRequiredAction(AltaSegundoFactorRequiredActionFactory.PROVIDER_ID);
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    /** The OTP form of this flow or of its subflows, the one whose {@code amr} reference the set-up stands for. */
    private static Optional<String> ejecucionOtp(RealmModel realm, String flowId) {
        for (AuthenticationExecutionModel execution : realm.getAuthenticationExecutionsStream(flowId).toList()) {
            if (execution.isAuthenticatorFlow()) {
                Optional<String> enSubflujo = ejecucionOtp(realm, execution.getFlowId());
                if (enSubflujo.isPresent()) {
                    return enSubflujo;
                }
            } else if ("auth-otp-form".equals(execution.getAuthenticator()) && !execution.isDisabled()) {
                return Optional.of(execution.getId());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
