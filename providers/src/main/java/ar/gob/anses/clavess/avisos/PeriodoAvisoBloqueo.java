package ar.gob.anses.clavess.avisos;

import ar.gob.anses.clavess.almacen.AvisoBloqueoEntity;
import ar.gob.anses.clavess.almacen.FilaBloqueada;
import java.util.function.Function;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * At most one lock notice of each kind per account and lock period. From the realm's failure factor on, every wrong
 * clave locks the account again (Keycloak's brute-force protector sends a lock event for each), so anybody who knows a
 * CUIL could otherwise fill her mailbox. The period is the realm's brute-force <em>Failure reset time</em>
 * ({@code maxDeltaTimeSeconds}, Realm settings → Security defenses → Brute force detection; 12 h in the realm export):
 * as long as Keycloak keeps counting her failures, she is told once.
 *
 * <p>Decided in the database (ANSES_AVISO_BLOQUEO, one row per account and kind) under the row's lock, in a transaction
 * of its own ({@link FilaBloqueada}) that also writes the notice into the outbox: locks made on any node at the same
 * moment queue on the row, and the first one that finds the period over starts the next and writes the one notice.
 */
final class PeriodoAvisoBloqueo {

    private PeriodoAvisoBloqueo() {
    }

    /**
     * Whether a lock notice goes out at {@code ahora} (epoch ms) when the current period lasts until {@code hasta}
     * (0: none yet).
     */
    static boolean toca(long hasta, long ahora) {
        return hasta <= ahora;
    }

    /**
     * Writes the lock notice with {@code guardar} (which gives the outbox row's id, or null when there is nobody to
     * tell) if the account's period of this kind is over, and starts the next one, which lasts {@code periodoMs}; the
     * row's id once committed, null when the period is not over yet (or nothing was written).
     */
    static String tomar(KeycloakSessionFactory factory, String realmId, String userId, TipoAviso tipo, long ahora, long periodoMs,
                        Function<KeycloakSession, String> guardar) {
        String id = userId + ":" + tipo.name();
        return FilaBloqueada.cambiar(factory, AvisoBloqueoEntity.class, id, () -> new AvisoBloqueoEntity(id, realmId),
                (session, fila) -> {
                    if (!toca(fila.hasta(), ahora)) {
                        return null;
                    }
                    String aviso = guardar.apply(session);
                    if (aviso != null) {
                        fila.hasta(ahora + periodoMs);
                    }
                    return aviso;
                });
    }

    /** Deletes the rows whose period has ended by {@code ahora}: they say no more than no row. */
    static int borrarVencidos(KeycloakSession session, long ahora) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery("ansesAvisoBloqueoVencidos").setParameter("ahora", ahora).executeUpdate();
    }
}
