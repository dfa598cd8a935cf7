package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One registration of a resident abroad that is not enabled yet (table ANSES_SOLICITUD_PENDIENTE). It is not an
 * account: no Keycloak user, no session, no second factor, no verified email. A CUIL may have several, each with its
 * own clave (Keycloak's password hash, as a credential stores it), email, USI-07 code and deadline; the first one
 * enabled becomes the account and the others are deleted.
 */
@Entity
@Table(name = "ANSES_SOLICITUD_PENDIENTE")
@NamedQueries({
        @NamedQuery(name = "ansesSolicitudesDelCuil",
                query = "select s from SolicitudPendienteEntity s where s.realmId = :realmId and s.cuil = :cuil order by s.creada"),
        @NamedQuery(name = "ansesSolicitudPorCodigo",
                query = "select s from SolicitudPendienteEntity s where s.realmId = :realmId and s.codigoUsi07 = :codigo"),
        @NamedQuery(name = "ansesSolicitudesVencidas",
                query = "select s from SolicitudPendienteEntity s where s.realmId = :realmId and s.creada <= :creadaHasta"),
        @NamedQuery(name = "ansesSolicitudesBorrarDelCuil",
                query = "delete from SolicitudPendienteEntity s where s.realmId = :realmId and s.cuil = :cuil"),
        @NamedQuery(name = "ansesSolicitudesSinFallosDelCuil",
                query = "update SolicitudPendienteEntity s set s.intentosFallidos = 0 where s.realmId = :realmId and s.cuil = :cuil")
})
public class SolicitudPendienteEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CUIL", length = 11, nullable = false)
    private String cuil;

    /** The credential's secret data (hash and salt), as Keycloak's CREDENTIAL table keeps it. */
    @Column(name = "CLAVE_SECRETO", length = 4000, nullable = false)
    private String claveSecreto;

    /** The credential's data (algorithm and its parameters). */
    @Column(name = "CLAVE_DATOS", length = 4000, nullable = false)
    private String claveDatos;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "CODIGO_USI07", length = 14, nullable = false)
    private String codigoUsi07;

    @Column(name = "POLITICAS_VERSION", length = 32)
    private String politicasVersion;

    /** Epoch milliseconds of Keycloak's clock. */
    @Column(name = "CREADA", nullable = false)
    private long creada;

    /** Failed sets of enablement questions answered with this request's clave. */
    @Column(name = "INTENTOS_FALLIDOS", nullable = false)
    private int intentosFallidos;

    /** The client address it was registered from; null for rows older than the column. */
    @Column(name = "DIRECCION", length = 64)
    private String direccion;

    protected SolicitudPendienteEntity() {
    }

    public SolicitudPendienteEntity(String id, String realmId, String cuil, String claveSecreto, String claveDatos, String email,
                             String codigoUsi07, String politicasVersion, long creada, String direccion) {
        this.id = id;
        this.realmId = realmId;
        this.cuil = cuil;
        this.claveSecreto = claveSecreto;
        this.claveDatos = claveDatos;
        this.email = email;
        this.codigoUsi07 = codigoUsi07;
        this.politicasVersion = politicasVersion;
        this.creada = creada;
        this.direccion = direccion;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getCuil() {
        return cuil;
    }

    public String getClaveSecreto() {
        return claveSecreto;
    }

    public String getClaveDatos() {
        return claveDatos;
    }

    public String getEmail() {
        return email;
    }

    public String getCodigoUsi07() {
        return codigoUsi07;
    }

    public String getPoliticasVersion() {
        return politicasVersion;
    }

    public long getCreada() {
        return creada;
    }

    public int getIntentosFallidos() {
        return intentosFallidos;
    }

    public void setIntentosFallidos(int intentosFallidos) {
        this.intentosFallidos = intentosFallidos;
    }

    public String getDireccion() {
        return direccion;
    }
}
