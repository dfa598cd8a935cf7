package ar.gob.anses.clavess.flujo;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** What every step's factory has in common (required or disabled, no credential); a subclass names and describes it. */
public abstract class PasoFactory implements AuthenticatorFactory {

    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.REQUIRED, Requirement.DISABLED};

    private final String id;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> config;
    private final Authenticator paso;

    protected PasoFactory(String id, String displayType, String helpText, List<ProviderConfigProperty> config, Paso paso) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.config = config;
        this.paso = SistemaSaturado.atendido(paso); // a database that does not answer: a page, not Keycloak's error
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return null; // not a credential: brute-force detection has nothing to count here
    }

    @Override
    public final boolean isConfigurable() {
        return !config.isEmpty();
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return config;
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return paso;
    }

    @Override
    public final void init(Config.Scope scope) {
        // Configured per realm, in the flow.
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public final void close() {
        // Nothing held.
    }
}
