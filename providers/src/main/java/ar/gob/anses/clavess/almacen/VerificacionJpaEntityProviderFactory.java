package ar.gob.anses.clavess.almacen;

import java.util.List;

/**
 * Adds our counters to Keycloak's database, created by our own Liquibase changelog: ANSES_VERIFICACION
 * (verification attempts per CUIL) and ANSES_ENVIOS_DIRECCION (Crear clave submissions per address); and the
 * notices' outbox, ANSES_AVISO, with the lock notices' periods, ANSES_AVISO_BLOQUEO; the legacy claves never asked
 * again, ANSES_CLAVE_LEGADA_RETIRADA; and the office's actions on each account that "Actividad de tu cuenta" shows,
 * ANSES_ACTIVIDAD_OFICINA.
 */
public final class VerificacionJpaEntityProviderFactory extends TablasJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "anses-verificacion";

    public VerificacionJpaEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/anses-verificacion-changelog.xml",
                List.of(BloqueoVerificacionEntity.class, EnviosDireccionEntity.class, AvisoEntity.class, AvisoBloqueoEntity.class,
                        ClaveLegadaRetiradaEntity.class, ActividadOficinaEntity.class));
    }
}
