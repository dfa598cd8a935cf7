package ar.gob.anses.clavess.testsupport.reloj;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Tests only, never in the product's jar: {@code PUT /realms/master/anses-test-reloj/{segundos}} sets Keycloak's time
 * offset ({@link Time#setOffset}), as Keycloak's own test suite does, so that a test can let 90 days pass. Packed
 * into a jar of its own by {@code KeycloakServer.installTestClock} for the tests' server only.
 */
public final class RelojResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "anses-test-reloj";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new Reloj();
            }

            @Override
            public void close() {
            }
        };
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

    @Override
    public String getId() {
        return ID;
    }

    public static final class Reloj {

        @PUT
        @Path("{segundos}")
        public Response adelantar(@PathParam("segundos") int segundos) {
            Time.setOffset(segundos);
            return Response.noContent().build();
        }
    }
}
