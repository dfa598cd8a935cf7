package ar.gob.anses.clavess.actividad;

import ar.gob.anses.clavess.almacen.ActividadOficinaEntity;
import ar.gob.anses.clavess.avisos.Aviso;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The office's actions on each account as the activity page shows them (ANSES_ACTIVIDAD_OFICINA), through the session's
 * own EntityManager: a row written by {@link RegistroOficina} joins the transaction of the change it records.
 */
final class ActividadOficinaStore {

    private final EntityManager em;

    ActividadOficinaStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void guardar(String id, String realmId, String userId, long tiempo, Aviso aviso) {
        em.persist(new ActividadOficinaEntity(id, realmId, userId, tiempo, aviso.tipo().name(), aviso.nivelAnterior(), aviso.nivelNuevo()));
    }

    /** The account's office actions since {@code desde} (epoch ms), newest first, at most {@code maximo}. */
    List<Suceso> deCuenta(String realmId, String userId, long desde, int maximo) {
        return em.createNamedQuery("ansesActividadOficinaDeCuenta", ActividadOficinaEntity.class).setParameter("realmId", realmId)
                .setParameter("userId", userId).setParameter("desde", desde).setMaxResults(maximo).getResultList().stream()
                .map(a -> Suceso.deOficina(a.id(), a.tiempo(), a.tipo(), a.nivelAnterior(), a.nivelNuevo())).toList();
    }

    /** Deletes every row older than {@code hasta} (epoch ms), of every realm, by the time index; how many. */
    int borrarVencidas(long hasta) {
        return em.createNamedQuery("ansesActividadOficinaVencida").setParameter("hasta", hasta).executeUpdate();
    }
}
