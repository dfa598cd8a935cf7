package ar.gob.anses.clavess.verificacion;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Verification attempts per CUIL in Keycloak's own database (table ANSES_VERIFICACION). */
public final class IntentosVerificacionStore {

    private final EntityManager em;
    private final RealmModel realm;

    public IntentosVerificacionStore(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
    }

    public IntentosVerificacion get(String cuil) {
        BloqueoVerificacionEntity entity = em.find(BloqueoVerificacionEntity.class, BloqueoVerificacionEntity.id(realm.getId(), cuil));
        return entity == null ? IntentosVerificacion.NINGUNO : entity.estado();
    }

    /** Records a failure under a row lock, so two browsers failing at once both count. */
    public IntentosVerificacion registrarFallo(String cuil, long ahora, int maximo, long bloqueoSegundos) {
        String id = BloqueoVerificacionEntity.id(realm.getId(), cuil);
        BloqueoVerificacionEntity entity = em.find(BloqueoVerificacionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            entity = new BloqueoVerificacionEntity(realm.getId(), cuil);
            em.persist(entity);
        }
        IntentosVerificacion estado = entity.estado().conFallo(ahora, maximo, bloqueoSegundos);
        entity.actualizar(estado);
        em.flush();
        return estado;
    }

    public void limpiar(String cuil) {
        BloqueoVerificacionEntity entity = em.find(BloqueoVerificacionEntity.class, BloqueoVerificacionEntity.id(realm.getId(), cuil));
        if (entity != null) {
            em.remove(entity);
            em.flush();
        }
    }

    /** CUILs whose verification is locked now, soonest to unlock first. */
    public List<String> bloqueadas(long ahora) {
        return em.createNamedQuery("ansesVerificacionBloqueadas", BloqueoVerificacionEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("ahora", ahora)
                .getResultStream().map(BloqueoVerificacionEntity::getCuil).toList();
    }
}
