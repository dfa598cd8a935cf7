package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A login attempt of one CUIL being judged now, and since when (epoch ms). The row lives only while the attempt
 * is judged (and stays behind only if its node died), so the table does not grow with every CUIL ever tried.
 */
@Entity
@Table(name = "ANSES_TURNO_INGRESO")
@NamedQuery(name = "ansesTurnoIngresoSoltar", query = "delete from TurnoIngresoEntity t where t.id = :id and t.desde = :desde")
public class TurnoIngresoEntity {

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CUIL", length = 11, nullable = false)
    private String cuil;

    @Column(name = "DESDE", nullable = false)
    private long desde;

    protected TurnoIngresoEntity() {
    }

    public TurnoIngresoEntity(String realmId, String cuil, long desde) {
        this.id = id(realmId, cuil);
        this.realmId = realmId;
        this.cuil = cuil;
        this.desde = desde;
    }

    public static String id(String realmId, String cuil) {
        return realmId + ":" + cuil;
    }

    public long getDesde() {
        return desde;
    }

    public void setDesde(long desde) {
        this.desde = desde;
    }
}
