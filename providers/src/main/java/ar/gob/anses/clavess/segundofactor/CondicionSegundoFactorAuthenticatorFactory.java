package ar.gob.anses.clavess.segundofactor;

import java.util.List;
import java.util.function.Predicate;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/** What the second factor's conditions have in common (no config, no page); a subclass names the condition and its test. */
abstract class CondicionSegundoFactorAuthenticatorFactory implements ConditionalAuthenticatorFactory {

    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.REQUIRED, Requirement.DISABLED};

    private final String id;
    private final String displayType;
    private final String helpText;
    private final ConditionalAuthenticator condicion;

    CondicionSegundoFactorAuthenticatorFactory(String id, String displayType, String helpText,
            Predicate<AuthenticationFlowContext> test) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.condicion = new Condicion(test);
    }

    private record Condicion(Predicate<AuthenticationFlowContext> test) implements ConditionalAuthenticator {
        @Override
        public boolean matchCondition(AuthenticationFlowContext context) {
            return test.test(context);
        }

        @Override
        public void action(AuthenticationFlowContext context) {
            // A condition shows no page.
        }

        @Override
        public boolean requiresUser() {
            return false;
        }

        @Override
        public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
            // Nothing to set up.
        }

        @Override
        public void close() {
            // Nothing held.
        }
    }

    @Override
    public final ConditionalAuthenticator getSingleton() {
        return condicion;
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
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
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
