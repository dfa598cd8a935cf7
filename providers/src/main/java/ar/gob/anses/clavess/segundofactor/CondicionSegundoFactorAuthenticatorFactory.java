package ar.gob.anses.clavess.segundofactor;

import java.util.List;
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

/**
 * Condition of the subflow that asks the second factor an app demands: true when the app demands it (client scope
 * {@value SegundoFactor#SCOPE}) and this session has not proved one yet. It runs after the SSO cookie too, so a session
 * opened with the clave alone is asked only the second factor (step-up), and one that proved it is not asked again.
 */
public final class CondicionSegundoFactorAuthenticatorFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "anses-condicion-segundo-factor";

    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.REQUIRED, Requirement.DISABLED};

    private static final ConditionalAuthenticator CONDICION = new ConditionalAuthenticator() {
        @Override
        public boolean matchCondition(AuthenticationFlowContext context) {
            return SegundoFactor.pedidoPorLaAplicacion(context.getAuthenticationSession())
                    && !SegundoFactor.hechoEnLaSesion(context.getAuthenticationSession(), context.getRealm());
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
    };

    @Override
    public ConditionalAuthenticator getSingleton() {
        return CONDICION;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: Condition - la aplicación pide segundo factor";
    }

    @Override
    public String getHelpText() {
        return "True when the client has the client scope " + SegundoFactor.SCOPE + " (default, or requested as optional) "
                + "and no second factor (amr otp, hwk or swk) was proved in this session. Put it first in a conditional "
                + "subflow after the identification subflow, so SSO reuse is stepped up too.";
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
