package ar.gob.anses.clavess.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a login attempt of one CUIL is being judged now, and since when (epoch ms; 0: none). */
@Entity
@Table(name = "ANSES_TURNO_INGRESO")
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

    TurnoIngresoEntity(String realmId, String cuil) {
        this.id = id(realmId, cuil);
        this.realmId = realmId;
        this.cuil = cuil;
    }

    static String id(String realmId, String cuil) {
        return realmId + ":" + cuil;
    }

    long getDesde() {
        return desde;
    }

    void setDesde(long desde) {
        this.desde = desde;
    }
}
