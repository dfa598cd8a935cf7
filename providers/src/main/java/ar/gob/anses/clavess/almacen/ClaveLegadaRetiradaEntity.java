package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A CUIL whose entry in the agency's legacy registry is never asked again (ANSES_CLAVE_LEGADA_RETIRADA): migrated at
 * its first login, or replaced by a clave made here (Crear clave, Olvidé mi clave). One row per realm and CUIL;
 * {@code legadas.ClavesLegadasRetiradas} gives it its id and counts them (the migration's progress).
 */
@Entity
@Table(name = "ANSES_CLAVE_LEGADA_RETIRADA")
@NamedQuery(name = "ansesLegadasRetiradasPorMotivo",
        query = "select r.motivo, count(r) from ClaveLegadaRetiradaEntity r where r.realmId = :realmId group by r.motivo")
public class ClaveLegadaRetiradaEntity {

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CUIL", length = 11, nullable = false)
    private String cuil;

    /** Why: {@code MIGRADA} (its clave logged in and was moved here) or {@code REEMPLAZADA} (a clave made here). */
    @Column(name = "MOTIVO", length = 16, nullable = false)
    private String motivo;

    /** Epoch milliseconds. */
    @Column(name = "RETIRADA", nullable = false)
    private long retirada;

    protected ClaveLegadaRetiradaEntity() {
    }

    public ClaveLegadaRetiradaEntity(String id, String realmId, String cuil, String motivo, long retirada) {
        this.id = id;
        this.realmId = realmId;
        this.cuil = cuil;
        this.motivo = motivo;
        this.retirada = retirada;
    }

    public String getMotivo() {
        return motivo;
    }
}
