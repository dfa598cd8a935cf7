package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Until when an account gets no further lock notice of one kind (ANSES_AVISO_BLOQUEO): one row per account and kind,
 * changed under its row lock ({@link FilaBloqueada}), so every node decides alike. {@code avisos.PeriodoAvisoBloqueo}
 * gives it its id and reads it; a row whose period has ended says nothing more than no row, and is deleted.
 */
@Entity
@Table(name = "ANSES_AVISO_BLOQUEO")
@NamedQuery(name = "ansesAvisoBloqueoVencidos", query = "delete from AvisoBloqueoEntity a where a.hasta <= :ahora")
public class AvisoBloqueoEntity {

    @Id
    @Column(name = "ID", length = 100)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Epoch milliseconds; 0 for a row just created (no period yet). */
    @Column(name = "HASTA", nullable = false)
    private long hasta;

    protected AvisoBloqueoEntity() {
    }

    public AvisoBloqueoEntity(String id, String realmId) {
        this.id = id;
        this.realmId = realmId;
    }

    public long hasta() {
        return hasta;
    }

    public void hasta(long hasta) {
        this.hasta = hasta;
    }
}
