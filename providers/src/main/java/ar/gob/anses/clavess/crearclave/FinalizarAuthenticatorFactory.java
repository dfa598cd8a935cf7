package ar.gob.anses.clavess.crearclave;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Step 5 of Crear clave: "Tu clave fue habilitada exitosamente con nivel 2"; COMENZAR A UTILIZAR goes on to the app. */
public final class FinalizarAuthenticatorFactory implements AuthenticatorFactory, Authenticator {

    public static final String PROVIDER_ID = "anses-finalizar";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().setAttribute("nivel", ElegiClaveAuthenticator.NIVEL_ONLINE).createForm("anses-finalizar.ftl"));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        new Eventos(context, "finalizar").exito();
        context.success();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: Finalizar";
    }

    @Override
    public String getHelpText() {
        return "Crear clave, last step: tells the citizen the clave is enabled at level 2, which apps need level 3 and "
                + "how to get it, then continues to the app they came from, logged in.";
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
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return this;
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
