package ar.gob.anses.clavess.verificacion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The CUIL submissions to Crear clave from one client address in the last hour (a sliding window). */
@Entity
@Table(name = "ANSES_ENVIOS_DIRECCION")
@NamedQuery(name = "ansesEnviosDireccionVencidos",
        query = "delete from EnviosDireccionEntity e where e.realmId = :realmId and e.ultimoEnvio <= :antesDe")
public class EnviosDireccionEntity {

    /** Enough for the stored instants of the largest limit allowed (11 characters each). */
    static final int LARGO_INSTANTES = 4000;

    @Id
    @Column(name = "ID", length = 128)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "DIRECCION", length = 64, nullable = false)
    private String direccion;

    @Column(name = "INSTANTES", length = LARGO_INSTANTES, nullable = false)
    private String instantes = "";

    @Column(name = "ULTIMO_ENVIO", nullable = false)
    private long ultimoEnvio;

    protected EnviosDireccionEntity() {
    }

    EnviosDireccionEntity(String realmId, String direccion) {
        this.id = id(realmId, direccion);
        this.realmId = realmId;
        this.direccion = direccion;
    }

    static String id(String realmId, String direccion) {
        return realmId + ":" + direccion;
    }

    VentanaDeslizante ventana() {
        return VentanaDeslizante.de(instantes);
    }

    void actualizar(VentanaDeslizante ventana) {
        instantes = ventana.texto();
        ultimoEnvio = ventana.ultimo();
    }
}
