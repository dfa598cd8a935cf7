package ar.gob.anses.clavess.representacion;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * "¿En nombre de quién actuás?": a curador chooses to act for themself or for a ward, after every login that is not
 * an SSO reuse, and whenever an app asks with {@code kc_action=anses-representacion}.
 */
public final class RepresentacionRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "anses-representacion";
    private static final RepresentacionRequiredAction SINGLETON = new RepresentacionRequiredAction();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ANSES: En nombre de quién actuás";
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
