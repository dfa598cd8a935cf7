package ar.gob.anses.clavess.crearclave;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Step 1 of Crear clave: read and accept the Políticas de Seguridad of the configured version. */
public final class PoliticasSeguridadAuthenticatorFactory implements AuthenticatorFactory, Authenticator {

    public static final String PROVIDER_ID = "anses-politicas-seguridad";
    public static final String VERSION = "version";
    public static final String DEFAULT_VERSION = "2024-1";
    static final String FIELD_ACEPTO = "acepto";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().setAttribute("politicasVersion", version(context)).createForm("anses-politicas.ftl"));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String version = version(context);
        if (!"on".equals(context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD_ACEPTO))) {
            context.challenge(context.form().setAttribute("politicasVersion", version)
                    .addError(new FormMessage(FIELD_ACEPTO, "ansesPoliticasNoAceptadas")).createForm("anses-politicas.ftl"));
            return;
        }
        context.getAuthenticationSession().setAuthNote(CrearClaveNotes.POLITICAS_VERSION, version);
        new Eventos(context, "politicas").exito();
        context.success();
    }

    static String version(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String version = config == null ? null : config.getConfig().get(VERSION);
        return version == null || version.isBlank() ? DEFAULT_VERSION : version;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: Políticas de Seguridad";
    }

    @Override
    public String getHelpText() {
        return "Crear clave, step 1: the citizen reads and accepts the security policy. The accepted version is "
                + "stored on the user (attribute politicasVersion) when the clave is created.";
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
        return ProviderConfigurationBuilder.create()
                .property().name(VERSION).type(ProviderConfigProperty.STRING_TYPE).label("Policy version")
                .helpText("Version of the Políticas de Seguridad text; change it when the text changes, so the citizen's "
                        + "acceptance records which one they accepted.")
                .defaultValue(DEFAULT_VERSION).add()
                .build();
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
        return false;
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
