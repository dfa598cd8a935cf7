package ar.gob.anses.clavess.verificacion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** Failed identity-verification attempts of one CUIL in one realm; survives restarts and browsers. */
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
    @Enumerated(EnumType.STRING)
    private TipoIntentos tipo;

    @Column(name = "INTENTOS_FALLIDOS", nullable = false)
    private int intentosFallidos;

    @Column(name = "ULTIMO_FALLO", nullable = false)
    private long ultimoFallo;

    @Column(name = "BLOQUEADA_HASTA", nullable = false)
    private long bloqueadaHasta;

    protected BloqueoVerificacionEntity() {
    }

    BloqueoVerificacionEntity(String realmId, TipoIntentos tipo, String cuil) {
        this.id = id(realmId, tipo, cuil);
        this.realmId = realmId;
        this.tipo = tipo;
        this.cuil = cuil;
    }

    /** Verification rows keep the id they had before enablement attempts existed. */
    static String id(String realmId, TipoIntentos tipo, String cuil) {
        return tipo == TipoIntentos.VERIFICACION ? realmId + ":" + cuil : realmId + ":" + tipo.name() + ":" + cuil;
    }

    String getCuil() {
        return cuil;
    }

    IntentosVerificacion estado() {
        return new IntentosVerificacion(intentosFallidos, ultimoFallo, bloqueadaHasta);
    }

    void actualizar(IntentosVerificacion estado) {
        intentosFallidos = estado.fallidos();
        ultimoFallo = estado.ultimoFallo();
        bloqueadaHasta = estado.bloqueadaHasta();
    }
}
