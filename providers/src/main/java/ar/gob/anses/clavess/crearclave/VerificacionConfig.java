package ar.gob.anses.clavess.crearclave;

import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Typed settings of the identity-verification step. */
final class VerificacionConfig {

    static final String INTENTOS = "intentos";
    static final String HORAS_BLOQUEO = "horasBloqueo";
    static final String PREGUNTAS = "preguntasPorIntento";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(INTENTOS).type(ProviderConfigProperty.INTEGER_TYPE).label("Attempts before the lock")
            .helpText("Failed verifications (wrong trámite or failed questions) of one CUIL before verification locks; "
                    + "counted on the server, whatever the browser.").defaultValue("3").add()
            .property().name(HORAS_BLOQUEO).type(ProviderConfigProperty.INTEGER_TYPE).label("Lock (hours)")
            .helpText("How long verification stays locked for that CUIL.").defaultValue("24").add()
            .property().name(PREGUNTAS).type(ProviderConfigProperty.INTEGER_TYPE).label("Questions per attempt")
            .helpText("Knowledge questions asked per attempt when the registry has no trámite number (4 to 7); "
                    + "all must be answered right.").defaultValue("4").add()
            .build();

    private final Map<String, String> config;

    VerificacionConfig(AuthenticatorConfigModel model) {
        this.config = model == null ? Map.of() : model.getConfig();
    }

    int intentos() {
        return entre(INTENTOS, 3, 1, 20);
    }

    long bloqueoSegundos() {
        return entre(HORAS_BLOQUEO, 24, 1, 24 * 90) * 3600L;
    }

    int preguntas() {
        return entre(PREGUNTAS, 4, 4, 7);
    }

    private int entre(String key, int fallback, int min, int max) {
        try {
            int value = Integer.parseInt(config.getOrDefault(key, "").strip());
            return Math.max(min, Math.min(max, value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
