package ar.gob.anses.clavess.login;

import ar.gob.anses.clavess.almacen.FilaBloqueada;
import ar.gob.anses.clavess.almacen.TurnoIngresoEntity;
import ar.gob.anses.clavess.cuenta.Cuil;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
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
    private static final long TURNO_MILLIS = 10_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BruteForceProtector protector;
    private boolean turnoDevuelto;

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
     * <p>The row exists only while an attempt is judged, so the usual turn is one INSERT, committed at once: the
     * primary key refuses a second one on any node. Only when the row is there (an attempt in flight, or one whose
     * node died) is it read under its lock, to tell the two apart.
     */
    boolean tomarTurno(Cuil cuil, long ahoraMillis) {
        String id = TurnoIngresoEntity.id(realm.getId(), cuil.digitos());
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), nueva -> {
                EntityManager em = nueva.getProvider(JpaConnectionProvider.class).getEntityManager();
                em.persist(new TurnoIngresoEntity(realm.getId(), cuil.digitos(), ahoraMillis));
                em.flush();
            });
            return true;
        } catch (PersistenceException | ModelException e) {
            // The row is there: judged below under its lock.
        }
        return FilaBloqueada.cambiar(session.getKeycloakSessionFactory(), TurnoIngresoEntity.class, id,
                () -> new TurnoIngresoEntity(realm.getId(), cuil.digitos(), 0), turno -> {
                    if (turno.getDesde() > ahoraMillis - TURNO_MILLIS) {
                        return false;
                    }
                    turno.setDesde(ahoraMillis);
                    return true;
                });
    }

    /**
     * Gives the turn taken at {@code tomadoEn} back in the request's own transaction: one DELETE, committed with
     * the login's outcome before the answer is sent. (A wrong clave gives it back with its failure instead, see
     * {@link #contarFallo}.)
     */
    void devolverTurno(Cuil cuil, long tomadoEn) {
        soltar(session, cuil, tomadoEn);
    }

    /** Whether this attempt's turn was already given back (with its failure). */
    boolean turnoDevuelto() {
        return turnoDevuelto;
    }

    private void soltar(KeycloakSession en, Cuil cuil, long tomadoEn) {
        turnoDevuelto = true;
        en.getProvider(JpaConnectionProvider.class).getEntityManager().createNamedQuery("ansesTurnoIngresoSoltar")
                .setParameter("id", TurnoIngresoEntity.id(realm.getId(), cuil.digitos())).setParameter("desde", tomadoEn)
                .executeUpdate();
    }

    /**
     * A wrong clave, counted and committed before the answer is sent, with the same call, clock and rules
     * whether or not the CUIL has a user (Keycloak's own path for users counts later, on another thread,
     * with its own clock, so the failure that locks would depend on timing and tell the two apart). Gives the
     * CUIL's turn taken at {@code turno} back in the same transaction.
     */
    void contarFallo(Cuil cuil, UserModel user, String remoteHost, long ahoraMillis, long turno) {
        if (!realm.isBruteForceProtected()) {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), committed -> soltar(committed, cuil, turno));
            return;
        }
        if (protector instanceof DefaultBruteForceProtector defaultProtector) {
            String key = failureKey(cuil, user);
            // The failure and the turn given back commit together: the next attempt of this CUIL sees the failure.
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), committed -> {
                defaultProtector.failure(committed, committed.getContext().getRealm(), key, remoteHost, ahoraMillis,
                        Set.of(PasswordCredentialModel.TYPE));
                soltar(committed, cuil, turno);
            });
        } else {
            LOG.warnf("Brute-force protector %s is not Keycloak's default: failed claves are not counted",
                    protector.getClass().getName());
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), committed -> soltar(committed, cuil, turno));
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
