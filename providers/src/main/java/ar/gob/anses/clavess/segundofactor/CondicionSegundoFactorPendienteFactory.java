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
 * True while this login, or the SSO session it resumes, has not proved a second factor (no completed execution whose
 * amr reference is otp, hwk or swk). It keeps a session that already proved one from being asked again: by another app
 * that demands it, or when Keycloak runs the forms again after the SSO cookie (a level-3 app's acr step-up).
 *
 * <p>Not Keycloak's <i>Condition - credential</i> ({@code conditional-credential}): that one reads the credentials
 * validated in the current authentication session only (its {@code authn.credentials} note), which starts empty when
 * the SSO cookie resumes a session, so it would ask a citizen again for the factor they proved at login. This one reads
 * the completed executions the cookie step merges back from the user session, as the AMR mapper does (see CONTRIBUTING).
 */
public final class CondicionSegundoFactorPendienteFactory implements ConditionalAuthenticatorFactory, ConditionalAuthenticator {

    public static final String PROVIDER_ID = "anses-condicion-factor-pendiente";

    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return !SegundoFactor.hechoEnLaSesion(context.getAuthenticationSession(), context.getRealm());
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
    public ConditionalAuthenticator getSingleton() {
        return this;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: Condition - segundo factor pendiente en la sesión";
    }

    @Override
    public String getHelpText() {
        return "True while no second factor (amr otp, hwk or swk) was proved in this login or in the SSO session it "
                + "resumes. Add it to the second factor's conditional subflows so a session is never asked twice.";
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
