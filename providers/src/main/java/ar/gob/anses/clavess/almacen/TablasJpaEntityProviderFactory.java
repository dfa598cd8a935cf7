package ar.gob.anses.clavess.almacen;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Tables of ours in Keycloak's database: the entities and the Liquibase changelog that creates them. One subclass per
 * changelog, never merged: Keycloak records what a changelog applied under the factory's id, so an existing database
 * would run a moved changeSet again (or miss it) if an id or a changelog changed.
 */
abstract class TablasJpaEntityProviderFactory implements JpaEntityProviderFactory {

    private final String id;
    private final String changelog;
    private final List<Class<?>> entidades;

    TablasJpaEntityProviderFactory(String id, String changelog, List<Class<?>> entidades) {
        this.id = id;
        this.changelog = changelog;
        this.entidades = entidades;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return entidades;
            }

            @Override
            public String getChangelogLocation() {
                return changelog;
            }

            @Override
            public String getFactoryId() {
                return id;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return id;
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
