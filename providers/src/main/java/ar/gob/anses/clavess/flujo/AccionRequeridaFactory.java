package ar.gob.anses.clavess.flujo;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** What our required actions' factories have in common (one stateless action, nothing to set up); a subclass names it. */
public abstract class AccionRequeridaFactory implements RequiredActionFactory {

    private final String id;
    private final String displayText;
    private final RequiredActionProvider accion;

    protected AccionRequeridaFactory(String id, String displayText, RequiredActionProvider accion) {
        this.id = id;
        this.displayText = displayText;
        this.accion = SistemaSaturado.atendida(accion); // a database that does not answer: a page, not Keycloak's error
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayText() {
        return displayText;
    }

    @Override
    public final RequiredActionProvider create(KeycloakSession session) {
        return accion;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
