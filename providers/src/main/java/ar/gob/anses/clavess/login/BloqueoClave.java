package ar.gob.anses.clavess.login;

import ar.gob.anses.clavess.avisos.DecisionAviso;
import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.managers.DefaultBruteForceProtector;

/**
 * The login lock of a CUIL, with or without a user behind it.
 *
 * <p>Keycloak's brute-force protector counts failures only for existing users, so a CUIL without a
 * clave would answer "wrong clave" forever and so reveal that it has none. Its failures are counted
 * by the same protector, in the same login-failure store, under a key no user id can take; that keeps
 * the numbers, waits and expiry of both cases identical by construction.
 */
public final class BloqueoClave {

    /** Lock that only an admin lifts (permanent lockout). */
    static final long HASTA_DESBLOQUEO = Long.MAX_VALUE;

    private static final Logger LOG = Logger.getLogger(BloqueoClave.class);
    private static final String UNKNOWN_CUIL_KEY = "anses-unknown-cuil:";
    // A turn older than this belongs to an attempt that died (a crashed node): it no longer blocks.
    private static final int TURNO_SEGUNDOS = 10;
    private static final String TURNO_PREFIJO = "anses-turno-ingreso:";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BruteForceProtector protector;

    public BloqueoClave(KeycloakSession session, RealmModel realm, BruteForceProtector protector) {
        this.session = session;
        this.realm = realm;
        this.protector = protector;
    }

    /** Epoch second until which logins are refused; 0 when not locked. {@code user} may be null. */
    long bloqueadaHasta(Cuil cuil, UserModel user, long ahora) {
        if (!realm.isBruteForceProtected()) {
            return 0;
        }
        if (user != null && protector.isPermanentlyLockedOut(session, realm, user)) {
            return HASTA_DESBLOQUEO;
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, failureKey(cuil, user));
        if (failures == null) {
            return 0;
        }
        if (user == null && permanentlyLocked(failures)) {
            return HASTA_DESBLOQUEO;
        }
        return failures.getFailedLoginNotBefore() > ahora ? failures.getFailedLoginNotBefore() : 0;
    }

    /**
     * Takes the CUIL's turn: false when another login attempt of the same CUIL is being judged (on any
     * node). One attempt at a time per CUIL, each seeing the failures of the one before, is what keeps
     * parallel attempts from all being compared before the first of them is counted.
     *
     * <p>The turn is an entry of Keycloak's single-use store ({@link SingleUseObjectProvider#putIfAbsent}, the one that
     * makes an action token usable once): atomic on every node (its cache is replicated and a conditional write is
     * decided by the key's owner), no database row, no transaction of its own. An attempt whose node dies leaves an
     * entry that expires after {@link #TURNO_SEGUNDOS}. Not {@code almacen.FilaBloqueada}'s row lock: the failures it
     * guards are in Keycloak's login-failure store, not a table of ours, and a parallel attempt is refused, never queued.
     */
    boolean tomarTurno(Cuil cuil) {
        return session.singleUseObjects().putIfAbsent(clave(cuil), TURNO_SEGUNDOS);
    }

    /**
     * Gives the turn back. A wrong clave's failure is committed first ({@link #contarFallo}), so the next attempt of
     * the CUIL is judged with it.
     */
    void devolverTurno(Cuil cuil) {
        session.singleUseObjects().remove(clave(cuil));
    }

    private String clave(Cuil cuil) {
        return TURNO_PREFIJO + realm.getId() + ":" + cuil.digitos();
    }

    /**
     * A wrong clave, counted and committed before the answer is sent (and before the turn is given back), with the
     * same call, clock and rules whether or not the CUIL has a user (Keycloak's own path for users counts later, on
     * another thread, with its own clock, so the failure that locks would depend on timing and tell the two apart).
     */
    void contarFallo(Cuil cuil, UserModel user, String remoteHost, long ahoraMillis) {
        if (!realm.isBruteForceProtected()) {
            return;
        }
        if (protector instanceof DefaultBruteForceProtector defaultProtector) {
            String key = failureKey(cuil, user);
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), committed -> {
                // A lock event raised by this failure was made by a wrong clave: its notice says the clave is safe.
                committed.setAttribute(DecisionAviso.SESION_FALLO_DE_CLAVE, Boolean.TRUE);
                defaultProtector.failure(committed, committed.getContext().getRealm(), key, remoteHost, ahoraMillis,
                        Set.of(PasswordCredentialModel.TYPE));
            });
        } else {
            LOG.warnf("Brute-force protector %s is not Keycloak's default: failed claves are not counted",
                    protector.getClass().getName());
        }
    }

    /** Forgets the failures of the user and of the CUIL from before it had a user: a new, proven clave. */
    public void limpiar(Cuil cuil, UserModel user) {
        session.loginFailures().removeUserLoginFailure(realm, failureKey(cuil, user));
        session.loginFailures().removeUserLoginFailure(realm, failureKey(cuil, null));
    }

    private static String failureKey(Cuil cuil, UserModel user) {
        return user != null ? user.getId() : UNKNOWN_CUIL_KEY + cuil.digitos();
    }

    // The rule DefaultBruteForceProtector#isPermanentlyLockedOut applies to a user's failures.
    private boolean permanentlyLocked(UserLoginFailureModel failures) {
        return realm.isPermanentLockout() && (failures.getNumTemporaryLockouts() > realm.getMaxTemporaryLockouts()
                || realm.getMaxTemporaryLockouts() == 0 && failures.getNumFailures() >= realm.getFailureFactor());
    }

    /** Whole minutes left, rounded up, so the page never says 0 while still locked. */
    static long minutosRestantes(long bloqueadaHasta, long ahora) {
        return Math.max(1, (bloqueadaHasta - ahora + 59) / 60);
    }
}
