package ar.gob.anses.clavess.almacen;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds our counters to Keycloak's database, created by our own Liquibase changelog: ANSES_VERIFICACION
 * (verification attempts per CUIL), ANSES_ENVIOS_DIRECCION (Crear clave submissions per address) and
 * ANSES_TURNO_INGRESO (the login attempt of a CUIL being judged); and the notices' outbox, ANSES_AVISO.
 */
public final class VerificacionJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "anses-verificacion";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(BloqueoVerificacionEntity.class, EnviosDireccionEntity.class, TurnoIngresoEntity.class, AvisoEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/anses-verificacion-changelog.xml";
            }

            @Override
            public String getFactoryId() {
                return PROVIDER_ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
