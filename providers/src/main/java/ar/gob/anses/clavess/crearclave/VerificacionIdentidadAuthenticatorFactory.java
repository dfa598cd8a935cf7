package ar.gob.anses.clavess.crearclave;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class VerificacionIdentidadAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "anses-verificacion-identidad";
    private static final VerificacionIdentidadAuthenticator SINGLETON = new VerificacionIdentidadAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: Verificación de identidad";
    }

    @Override
    public String getHelpText() {
        return "Crear clave, step 3: the trámite number of the DNI, or knowledge questions from the registry when it has none. Failures count per CUIL in the database and lock verification for a while. Curatela and disabled accounts are told only after identity is proven.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return VerificacionConfig.PROPERTIES;
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
