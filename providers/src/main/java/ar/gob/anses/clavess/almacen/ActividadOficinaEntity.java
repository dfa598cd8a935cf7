package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One office (admin) action on a citizen's account as "Actividad de tu cuenta" shows it (ANSES_ACTIVIDAD_OFICINA):
 * written, already decided, when the admin event happens, and read by account and time through its own index. Keycloak's
 * ADMIN_EVENT_ENTITY is indexed only by realm and time, so reading one account's office actions there by resource path
 * reads every office action of the realm's last 90 days; this table holds only what the page shows, one row per action.
 */
@Entity
@Table(name = "ANSES_ACTIVIDAD_OFICINA")
@NamedQuery(name = "ansesActividadOficinaDeCuenta", query = "select a from ActividadOficinaEntity a where a.realmId = :realmId"
        + " and a.userId = :userId and a.tiempo >= :desde order by a.tiempo desc, a.id")
@NamedQuery(name = "ansesActividadOficinaVencida", query = "delete from ActividadOficinaEntity a where a.tiempo < :hasta")
public class ActividadOficinaEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** The admin event's time, epoch milliseconds. */
    @Column(name = "TIEMPO", nullable = false)
    private long tiempo;

    /** {@code avisos.TipoAviso}'s name, read back with valueOf: a kind added later is a new name, never a renumbering. */
    @Column(name = "TIPO", length = 32, nullable = false)
    private String tipo;

    @Column(name = "NIVEL_ANTERIOR", nullable = false)
    private int nivelAnterior;

    @Column(name = "NIVEL_NUEVO", nullable = false)
    private int nivelNuevo;

    protected ActividadOficinaEntity() {
    }

    public ActividadOficinaEntity(String id, String realmId, String userId, long tiempo, String tipo, int nivelAnterior, int nivelNuevo) {
        this.id = id;
        this.realmId = realmId;
        this.userId = userId;
        this.tiempo = tiempo;
        this.tipo = tipo;
        this.nivelAnterior = nivelAnterior;
        this.nivelNuevo = nivelNuevo;
    }

    public String id() {
        return id;
    }

    public long tiempo() {
        return tiempo;
    }

    public String tipo() {
        return tipo;
    }

    public int nivelAnterior() {
        return nivelAnterior;
    }

    public int nivelNuevo() {
        return nivelNuevo;
    }
}
