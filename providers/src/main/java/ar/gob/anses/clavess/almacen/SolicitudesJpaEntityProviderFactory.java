package ar.gob.anses.clavess.almacen;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds ANSES_SOLICITUD_PENDIENTE (residents abroad's registrations not enabled yet) to Keycloak's database. */
public final class SolicitudesJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "anses-solicitudes-pendientes";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(SolicitudPendienteEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/anses-solicitudes-pendientes-changelog.xml";
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
