package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.almacen.ClaveLegadaRetiradaEntity;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The CUILs whose legacy entry is never asked again (ANSES_CLAVE_LEGADA_RETIRADA, in Keycloak's database, so every
 * node and every restart agrees): the mark of a migration, and the migration's progress. The legacy registry itself is
 * never written: the deployer's table stays as the old system exported it.
 */
public final class ClavesLegadasRetiradas {

    /** Why an entry is retired. */
    public enum Motivo {
        /** Its clave logged in and was moved here. */
        MIGRADA,
        /** A clave was made here for the CUIL (Crear clave, Olvidé mi clave). */
        REEMPLAZADA
    }

    private ClavesLegadasRetiradas() {
    }

    public static boolean retirada(KeycloakSession session, RealmModel realm, String cuil) {
        return em(session).find(ClaveLegadaRetiradaEntity.class, id(realm, cuil)) != null;
    }

    /** Marks the CUIL's entry retired in {@code session}'s transaction; a CUIL retired before keeps its first reason. */
    public static void retirar(KeycloakSession session, RealmModel realm, String cuil, Motivo motivo) {
        EntityManager em = em(session);
        if (em.find(ClaveLegadaRetiradaEntity.class, id(realm, cuil)) == null) {
            em.persist(new ClaveLegadaRetiradaEntity(id(realm, cuil), realm.getId(), cuil, motivo.name(), Time.currentTimeMillis()));
            em.flush(); // two nodes retiring one CUIL at once: the second insert fails here, inside its own transaction
        }
    }

    /** How many entries of the realm are retired, by reason (every reason present, 0 when none). */
    public static Map<Motivo, Long> porMotivo(KeycloakSession session, RealmModel realm) {
        Map<Motivo, Long> cuantas = new TreeMap<>();
        for (Motivo motivo : Motivo.values()) {
            cuantas.put(motivo, 0L);
        }
        em(session).createNamedQuery("ansesLegadasRetiradasPorMotivo", Object[].class).setParameter("realmId", realm.getId())
                .getResultList().forEach(fila -> cuantas.put(Motivo.valueOf((String) fila[0]), ((Number) fila[1]).longValue()));
        return cuantas;
    }

    private static String id(RealmModel realm, String cuil) {
        return realm.getId() + ":" + cuil;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
