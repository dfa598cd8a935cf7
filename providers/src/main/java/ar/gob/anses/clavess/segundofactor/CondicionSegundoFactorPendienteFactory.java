package ar.gob.anses.clavess.segundofactor;

/**
 * True while this login, or the SSO session it resumes, has not proved a second factor (no completed execution whose
 * amr reference is otp, hwk or swk). It keeps a session that already proved one from being asked again: by another app
 * that demands it, or when Keycloak runs the forms again after the SSO cookie (a level-3 app's acr step-up).
 */
public final class CondicionSegundoFactorPendienteFactory extends CondicionSegundoFactorAuthenticatorFactory {

    public static final String PROVIDER_ID = "anses-condicion-factor-pendiente";

    public CondicionSegundoFactorPendienteFactory() {
        super(PROVIDER_ID, "ANSES: Condition - segundo factor pendiente en la sesión",
                "True while no second factor (amr otp, hwk or swk) was proved in this login or in the SSO session it "
                        + "resumes. Add it to the second factor's conditional subflows so a session is never asked twice.",
                context -> !SegundoFactor.hechoEnLaSesion(context.getAuthenticationSession(), context.getRealm()));
    }
}
