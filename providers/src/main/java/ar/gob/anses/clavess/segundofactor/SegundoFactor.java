package ar.gob.anses.clavess.segundofactor;

import java.util.Map;
import java.util.Set;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The second factor as the flows see it: whether the citizen has one, and whether this session already proved one
 * (read from the same completed executions and {@code amr} references that {@link AmrProtocolMapper} puts in the token).
 * Whether the app asks for one is Keycloak's <i>Condition - client scope</i> on the client scope {@value #SCOPE}.
 */
public final class SegundoFactor {

    /** The client scope that marks an app as demanding the second factor: a default scope of the client, or requested. */
    public static final String SCOPE = "anses-segundo-factor";

    /** The RFC 8176 {@code amr} values that are a second factor (TOTP and recovery codes: otp; WebAuthn: hwk, swk). */
    public static final Set<String> AMR = Set.of("otp", "hwk", "swk");

    private SegundoFactor() {
    }

    /** Whether the citizen has a second factor they can be asked for: a TOTP app, a passkey or recovery codes. */
    public static boolean configurado(UserModel user) {
        return user != null && (user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)
                || user.credentialManager().isConfiguredFor(WebAuthnCredentialModel.TYPE_TWOFACTOR)
                || user.credentialManager().isConfiguredFor(RecoveryAuthnCodesCredentialModel.TYPE));
    }

    /**
     * Whether a second factor was proved in this login or in the SSO session it resumes: Keycloak's cookie step merges
     * the session's completed executions into the authentication session, and their {@code amr} references say which.
     */
    public static boolean hechoEnLaSesion(AuthenticationSessionModel authSession, RealmModel realm) {
        Map<String, Integer> completadas = AuthenticatorUtils.parseCompletedExecutions(
                authSession.getUserSessionNotes().get(Constants.AUTHENTICATORS_COMPLETED));
        return Amr.referencias(completadas, id -> AmrProtocolMapper.configDePaso(realm, id), Time.currentTime()).stream()
                .anyMatch(AMR::contains);
    }
}
