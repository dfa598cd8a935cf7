package ar.gob.anses.clavess.cambiarclave;

import ar.gob.anses.clavess.politica.ValidadorClave;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A clave on the realm's denylist of common claves (chosen before it was listed) is replaced at the login that proves
 * it: Cambiar mi clave is asked right after, with a page that says why, and the login does not end until a new clave is
 * set. Checked where the clear clave is known, after a successful compare; nothing is stored on the account, so every
 * login with that clave asks again until it is changed.
 */
public final class ClaveComun {

    /** Auth note: the Cambiar mi clave page says the clave is one of the most used. */
    static final String NOTA = "anses.clave.comun";
    /** Auth note: the Cambiar mi clave page says the clave, brought from the agency's former system, breaks today's rules. */
    static final String NOTA_POLITICA = "anses.clave.legada.politica";

    private ClaveComun() {
    }

    /** After the right clave: asks for a new one when this one is on the denylist. */
    public static void pedirOtraSiEsComun(AuthenticationFlowContext context, UserModel user, String clave) {
        if (new ValidadorClave(context.getSession(), context.getRealm()).esComun(user, clave)) {
            context.getAuthenticationSession().setAuthNote(NOTA, "true");
            context.getAuthenticationSession().addRequiredAction(CambiarClaveRequiredActionFactory.PROVIDER_ID);
        }
    }

    /**
     * After a clave of the agency's former system moved here and broke today's policy (judged by the caller before it
     * was stored, so the history rule does not count it): it logs in this once, and a new one is asked right after.
     */
    public static void pedirOtraPorPolitica(AuthenticationFlowContext context) {
        context.getAuthenticationSession().setAuthNote(NOTA_POLITICA, "true");
        context.getAuthenticationSession().addRequiredAction(CambiarClaveRequiredActionFactory.PROVIDER_ID);
    }

    static boolean pedida(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTA) != null || porPolitica(authSession);
    }

    static boolean porPolitica(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTA_POLITICA) != null;
    }
}
