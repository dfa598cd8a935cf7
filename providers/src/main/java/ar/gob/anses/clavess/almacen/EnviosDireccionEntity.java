package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What one client address did in the last hour: one counter per minute ({@code verificacion.VentanaPorMinutos}, which
 * {@code LimitePorDireccionStore} reads it as), so the row has the same size whatever the limit. The id says which count:
 * {@code <realm>:<address>} Crear clave's CUIL submissions, {@code <realm>:ingreso:<address>} the login's failed claves,
 * {@code <realm>:fallos-realm:*} the realm's failed logins (its alarm). Mapped here for Keycloak's schema (its changelog
 * makes the table); read and written in plain JDBC by {@link EnviosDireccionJdbc}, on every login's path.
 */
@Entity
@Table(name = "ANSES_ENVIOS_DIRECCION")
public class EnviosDireccionEntity {

    /** The column of the counters (changeSet anses-envios-direccion-cubetas-1). */
    public static final int LARGO_CUENTAS = 1024;

    @Id
    @Column(name = "ID", length = 128)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "DIRECCION", length = 64, nullable = false)
    private String direccion;

    @Column(name = "CUENTAS", length = LARGO_CUENTAS, nullable = false)
    private String cuentas;

    @Column(name = "MINUTO", nullable = false)
    private long minuto;

    @Column(name = "ULTIMO_ENVIO", nullable = false)
    private long ultimoEnvio;

    protected EnviosDireccionEntity() {
    }

    public EnviosDireccionEntity(String id, String realmId, String direccion, String cuentas) {
        this.id = id;
        this.realmId = realmId;
        this.direccion = direccion;
        this.cuentas = cuentas;
    }

    public String getCuentas() {
        return cuentas;
    }

    public long getMinuto() {
        return minuto;
    }

    public void actualizar(String cuentas, long minuto, long ultimoEnvio) {
        this.cuentas = cuentas;
        this.minuto = minuto;
        this.ultimoEnvio = ultimoEnvio;
    }
}
