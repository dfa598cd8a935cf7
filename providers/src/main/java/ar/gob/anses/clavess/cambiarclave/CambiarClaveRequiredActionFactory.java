package ar.gob.anses.clavess.cambiarclave;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class CambiarClaveRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "anses-cambiar-clave";
    private static final CambiarClaveRequiredAction SINGLETON = new CambiarClaveRequiredAction();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ANSES: Cambiar mi clave";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
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
