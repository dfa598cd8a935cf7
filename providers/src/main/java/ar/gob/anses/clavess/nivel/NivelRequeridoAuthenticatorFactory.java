package ar.gob.anses.clavess.nivel;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class NivelRequeridoAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "anses-nivel-requerido";
    private static final NivelRequeridoAuthenticator SINGLETON = new NivelRequeridoAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: Nivel requerido por la aplicación";
    }

    @Override
    public String getHelpText() {
        return "Refuses a citizen whose level (user attribute nivel) is below the client's Minimum ACR value or an "
                + "essential acr request: a page tells how to reach level 3 and the app receives error=access_denied "
                + "with error_description=anses_nivel_insuficiente. Put it last in the browser and Crear clave flows.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
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
