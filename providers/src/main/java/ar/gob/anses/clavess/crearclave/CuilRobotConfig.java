package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.verificacion.LimitePorDireccionStore;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Typed settings of the CUIL + anti-robot step. */
final class CuilRobotConfig {

    static final String ANTI_ROBOT = "antiRobot";
    static final String DIFICULTAD = "dificultad";
    static final String LIMITE_POR_HORA = "limitePorHora";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ANTI_ROBOT).type(ProviderConfigProperty.BOOLEAN_TYPE).label("Anti-robot check")
            .helpText("Ask for the \"No soy un robot\" proof of work. Turn it off only for tests.").defaultValue("true").add()
            .property().name(DIFICULTAD).type(ProviderConfigProperty.INTEGER_TYPE).label("Anti-robot difficulty")
            .helpText("Largest secret number of the proof of work; the browser tries half of them on average "
                    + "(50000: about a second on a phone).").defaultValue("50000").add()
            .property().name(LIMITE_POR_HORA).type(ProviderConfigProperty.INTEGER_TYPE).label("CUILs per hour per address")
            .helpText("How many CUILs one client address may submit to Crear clave in any hour: 1 to "
                    + String.format(java.util.Locale.ROOT, "%,d", LimitePorDireccionStore.LIMITE_MAXIMO) + " (a larger value counts as "
                    + "that). Counted per minute in the database by every node; a submission is forgotten 60 to 61 minutes later.").defaultValue("30").add()
            .build();

    private final Map<String, String> config;

    CuilRobotConfig(AuthenticatorConfigModel model) {
        this.config = model == null ? Map.of() : model.getConfig();
    }

    boolean antiRobot() {
        return !"false".equalsIgnoreCase(config.getOrDefault(ANTI_ROBOT, "true"));
    }

    int dificultad() {
        return positive(DIFICULTAD, 50_000);
    }

    int limitePorHora() {
        return Math.min(positive(LIMITE_POR_HORA, 30), LimitePorDireccionStore.LIMITE_MAXIMO);
    }

    private int positive(String key, int fallback) {
        try {
            int value = Integer.parseInt(config.getOrDefault(key, "").strip());
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
