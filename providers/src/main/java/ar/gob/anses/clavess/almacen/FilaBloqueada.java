package ar.gob.anses.clavess.almacen;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One row of a counter, changed under the database's row lock in a transaction of its own that
 * commits before the caller goes on. Parallel requests (on any node) queue on the row, so each sees
 * what the previous one wrote; and what the citizen is told next is already on disk.
 *
 * <p>One of the two ways work is serialised per CUIL, chosen by where the state lives. State in our tables
 * (verification and enablement attempts, a CUIL's pending requests; the per-address limits the same way in plain JDBC,
 * {@link EnviosDireccionJdbc}, being on every login's path) is changed here, under its row's lock: parallel callers queue, and each sees the last one's commit. State that is not in a table of ours takes a
 * key of Keycloak's single-use store instead ({@code putIfAbsent}, atomic on the cluster, no transaction): the login's
 * turn ({@code login.BloqueoClave}), whose failures are in Keycloak's login-failure store and whose second parallel
 * attempt is refused, not queued; and Crear clave's address-code tries ({@code crearclave.ConfirmaCorreoAuthenticator}),
 * which live only as long as the authentication session and are slots charged one each, not a row to lock.
 */
public final class FilaBloqueada {

    // Parallel first charges of a new key all try to insert its row; all but one fail and try again.
    private static final int INTENTOS = 5;

    private FilaBloqueada() {
    }

    /**
     * Applies {@code cambio} to the row {@code id} of {@code entidad}, created with {@code nueva} when
     * missing, and returns its result once committed.
     */
    public static <E, T> T cambiar(KeycloakSessionFactory factory, Class<E> entidad, String id, Supplier<E> nueva,
                            Function<E, T> cambio) {
        return cambiar(factory, entidad, id, nueva, (session, fila) -> cambio.apply(fila));
    }

    /**
     * The same, with the transaction's session: what {@code cambio} writes through it (a user, other rows) commits with
     * the row, and parallel callers of the same id wait for it.
     */
    public static <E, T> T cambiar(KeycloakSessionFactory factory, Class<E> entidad, String id, Supplier<E> nueva,
                            BiFunction<KeycloakSession, E, T> cambio) {
        for (int intento = 1; ; intento++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                    E fila = em.find(entidad, id, LockModeType.PESSIMISTIC_WRITE);
                    if (fila == null) {
                        fila = nueva.get();
                        em.persist(fila);
                        em.flush(); // the row lock is ours from here; a parallel insert of the same id fails
                    }
                    T resultado = cambio.apply(session, fila);
                    em.flush();
                    return resultado;
                });
            } catch (PersistenceException | ModelException e) {
                if (intento == INTENTOS) {
                    throw e;
                }
            }
        }
    }
}
