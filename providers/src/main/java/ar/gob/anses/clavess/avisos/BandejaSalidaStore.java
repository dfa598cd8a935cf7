package ar.gob.anses.clavess.avisos;

import ar.gob.anses.clavess.almacen.AvisoEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The outbox (ANSES_AVISO) through the session's own EntityManager, so that whatever is written joins the session's
 * transaction: a notice written by the event listener is committed, or rolled back, with the change it tells.
 */
final class BandejaSalidaStore {

    /**
     * Hibernate's value of {@code jakarta.persistence.lock.timeout} for {@code SKIP LOCKED}: a row another node (or
     * thread) is sending is not waited for, it is that one's.
     */
    static final int SKIP_LOCKED = -2;

    private final EntityManager em;

    BandejaSalidaStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Writes the notice, due now, in the session's transaction; its id. */
    String guardar(String userId, Pedido pedido, long ahora) {
        String id = KeycloakModelUtils.generateId();
        em.persist(new AvisoEntity(id, pedido.realmId(), userId, pedido.aviso().tipo().name(), pedido.aviso().nivelAnterior(),
                pedido.aviso().nivelNuevo(), pedido.cuando(), pedido.ip(), pedido.userAgent(), pedido.navegador().familia(),
                pedido.navegador().sistema(), pedido.porOficina(), pedido.baseUri(), pedido.aviso().direccion(), ahora));
        return id;
    }

    /** The notices due at {@code ahora}, longest due first, at most {@code maximo}; not locked. */
    List<String> vencidos(long ahora, int maximo) {
        return em.createNamedQuery("ansesAvisosVencidos", String.class).setParameter("ahora", ahora).setMaxResults(maximo)
                .getResultList();
    }

    /**
     * The notice, locked for this transaction (SELECT … FOR UPDATE SKIP LOCKED); null when it is gone (sent by
     * somebody else) or locked by another sender right now. What is locked here is sent once: any other sender
     * skips it until this transaction ends, and then finds it deleted or rescheduled.
     */
    AvisoEntity tomar(String id) {
        return em.find(AvisoEntity.class, id, LockModeType.PESSIMISTIC_WRITE, Map.of("jakarta.persistence.lock.timeout", SKIP_LOCKED));
    }

    /** The notice as it was decided; {@link IllegalArgumentException} if its kind no longer exists. */
    static Pedido pedido(AvisoEntity fila) {
        return new Pedido(fila.realmId(), "id:" + fila.userId(),
                new Aviso(TipoAviso.valueOf(fila.tipo()), fila.nivelAnterior(), fila.nivelNuevo(), fila.direccion()), fila.cuando(),
                fila.ip(), fila.userAgent(), new Navegador(fila.navegador(), fila.sistema()), fila.porOficina(), fila.baseUri());
    }

    void borrar(AvisoEntity aviso) {
        em.remove(aviso);
    }

    long enEspera() {
        return em.createNamedQuery("ansesAvisosEnEspera", Long.class).getSingleResult();
    }
}
