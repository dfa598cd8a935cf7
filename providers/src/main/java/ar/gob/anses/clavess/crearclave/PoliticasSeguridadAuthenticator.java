package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.politica.VersionPoliticas;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Step 1 of Crear clave: read and accept the Políticas de Seguridad of the configured version. */
final class PoliticasSeguridadAuthenticator implements Paso {

    static final String VERSION = VersionPoliticas.CONFIG;
    static final String DEFAULT_VERSION = VersionPoliticas.POR_DEFECTO;
    static final String FIELD_ACEPTO = "acepto";
    private static final String TEMPLATE = "anses-politicas.ftl";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(VERSION).type(ProviderConfigProperty.STRING_TYPE).label("Policy version")
            .helpText("Version of the Políticas de Seguridad text; change it when the text changes, so the citizen's "
                    + "acceptance records which one they accepted.")
            .defaultValue(DEFAULT_VERSION).add()
            .build();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().setAttribute("politicasVersion", version(context)).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String version = version(context);
        if (!"on".equals(context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD_ACEPTO))) {
            context.challenge(context.form().setAttribute("politicasVersion", version)
                    .addError(new FormMessage(FIELD_ACEPTO, "ansesPoliticasNoAceptadas")).createForm(TEMPLATE));
            return;
        }
        Recorrido.de(context).politicasAceptadas(version);
        new Eventos(context, DetallesEvento.Paso.POLITICAS).exito();
        context.success();
    }

    private static String version(AuthenticationFlowContext context) {
        return VersionPoliticas.de(context.getAuthenticatorConfig());
    }
}
