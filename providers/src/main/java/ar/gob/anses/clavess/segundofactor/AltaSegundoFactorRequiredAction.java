package ar.gob.anses.clavess.segundofactor;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Runs after Keycloak's TOTP set-up that {@link AltaSegundoFactorAuthenticator} asked for, with no page: if the citizen
 * now has a TOTP app (they typed a valid code to set it up), the subflow's OTP execution is recorded as completed in
 * this login, as the OTP form itself would have, so Keycloak's AMR mapper puts {@code otp} in the token. Never
 * triggered otherwise (it is not a default action).
 */
final class AltaSegundoFactorRequiredAction implements RequiredActionProvider {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Added to the authentication session by the set-up step only.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String ejecucion = authSession.getAuthNote(AltaSegundoFactorAuthenticator.NOTE_EJECUCION_OTP);
        if (ejecucion != null && context.getUser().credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
            AuthenticatorUtils.updateCompletedExecutions(authSession, null, ejecucion);
            authSession.removeAuthNote(AltaSegundoFactorAuthenticator.NOTE_EJECUCION_OTP);
        }
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    @Override
    public void close() {
    }
}
