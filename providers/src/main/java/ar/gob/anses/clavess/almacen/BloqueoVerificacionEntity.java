package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Failed identity-verification attempts of one CUIL in one realm, per kind of attempt; survives restarts and browsers.
 * A plain row: {@code verificacion.IntentosVerificacionStore} gives it its id and reads it as the attempts' state.
 */
@Entity
@Table(name = "ANSES_VERIFICACION")
@NamedQuery(name = "ansesVerificacionBloqueadas",
        query = "select v from BloqueoVerificacionEntity v where v.realmId = :realmId and v.tipo = :tipo and v.bloqueadaHasta > :ahora order by v.bloqueadaHasta")
public class BloqueoVerificacionEntity {

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CUIL", length = 11, nullable = false)
    private String cuil;

    @Column(name = "TIPO", length = 16, nullable = false)
    /** The kind of attempts ({@code verificacion.TipoIntentos}) by its name. */
    private String tipo;

    @Column(name = "INTENTOS_FALLIDOS", nullable = false)
    private int intentosFallidos;

    @Column(name = "ULTIMO_FALLO", nullable = false)
    private long ultimoFallo;

    @Column(name = "BLOQUEADA_HASTA", nullable = false)
    private long bloqueadaHasta;

    protected BloqueoVerificacionEntity() {
    }

    public BloqueoVerificacionEntity(String id, String realmId, String tipo, String cuil) {
        this.id = id;
        this.realmId = realmId;
        this.tipo = tipo;
        this.cuil = cuil;
    }

    public String getCuil() {
        return cuil;
    }

    public int getIntentosFallidos() {
        return intentosFallidos;
    }

    public long getUltimoFallo() {
        return ultimoFallo;
    }

    public long getBloqueadaHasta() {
        return bloqueadaHasta;
    }

    public void actualizar(int intentosFallidos, long ultimoFallo, long bloqueadaHasta) {
        this.intentosFallidos = intentosFallidos;
        this.ultimoFallo = ultimoFallo;
        this.bloqueadaHasta = bloqueadaHasta;
    }
}
