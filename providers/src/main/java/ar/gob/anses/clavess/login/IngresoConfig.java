package ar.gob.anses.clavess.login;

import ar.gob.anses.clavess.verificacion.LimitePorDireccionStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Typed settings of the CUIL + clave form (its execution's config, beside Keycloak's "Authentication reference"): the
 * budget of failed claves of one client address, its ceiling, the anti-robot difficulty and the realm's alarm.
 */
final class IngresoConfig {

    static final String PRESUPUESTO_POR_HORA = "presupuestoPorHora";
    static final String TECHO_POR_HORA = "techoPorHora";
    static final String DIFICULTAD = "dificultad";
    static final String ALARMA_POR_HORA = "alarmaPorHora";

    static final int PRESUPUESTO_POR_DEFECTO = 20;
    static final int TECHO_POR_DEFECTO = 100;
    static final int DIFICULTAD_POR_DEFECTO = 50_000;
    static final int ALARMA_POR_DEFECTO = 3_000;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PRESUPUESTO_POR_HORA).type(ProviderConfigProperty.INTEGER_TYPE).label("Failed claves per hour per address")
            .helpText("How many failed logins one client address may make in any hour before every further login from it "
                    + "must pass the \"No soy un robot\" proof of work (any CUIL, known or not). An address shared by many "
                    + "people (mobile carriers' CGNAT, an office) shares this budget: see docs/seguridad.md.")
            .defaultValue(String.valueOf(PRESUPUESTO_POR_DEFECTO)).add()
            .property().name(TECHO_POR_HORA).type(ProviderConfigProperty.INTEGER_TYPE).label("Ceiling of failed claves per hour per address")
            .helpText("Past this many failed logins in an hour (each past the budget paid with a proof of work), logins from "
                    + "the address are refused without comparing the clave, with a page that says when to try again. "
                    + "At least the budget; at most " + String.format(Locale.ROOT, "%,d", LimitePorDireccionStore.LIMITE_MAXIMO) + ".")
            .defaultValue(String.valueOf(TECHO_POR_DEFECTO)).add()
            .property().name(DIFICULTAD).type(ProviderConfigProperty.INTEGER_TYPE).label("Anti-robot difficulty")
            .helpText("Largest secret number of the proof of work; the browser tries half of them on average "
                    + "(50000: about a second on a phone).").defaultValue(String.valueOf(DIFICULTAD_POR_DEFECTO)).add()
            .property().name(ALARMA_POR_HORA).type(ProviderConfigProperty.INTEGER_TYPE).label("Realm alarm: failed logins per hour")
            .helpText("When the realm's failed logins of the last hour (every address, every node) exceed this, every login "
                    + "asks for the proof of work until they fall back to it: set it above what the realm normally sees. "
                    + "An event (LOGIN_ERROR anses_alarma_encendida / anses_alarma_apagada) and the metric "
                    + "anses_ingreso_alarma say when it turns on and off.")
            .defaultValue(String.valueOf(ALARMA_POR_DEFECTO)).add()
            .build();

    private final Map<String, String> config;

    IngresoConfig(AuthenticatorConfigModel model) {
        this.config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    int presupuesto() {
        return Math.min(positive(PRESUPUESTO_POR_HORA, PRESUPUESTO_POR_DEFECTO), LimitePorDireccionStore.LIMITE_MAXIMO);
    }

    /** Never below the budget: a ceiling under it would refuse before the proof of work is ever asked. */
    int techo() {
        return Math.min(Math.max(positive(TECHO_POR_HORA, TECHO_POR_DEFECTO), presupuesto()), LimitePorDireccionStore.LIMITE_MAXIMO);
    }

    int dificultad() {
        return positive(DIFICULTAD, DIFICULTAD_POR_DEFECTO);
    }

    int alarma() {
        return positive(ALARMA_POR_HORA, ALARMA_POR_DEFECTO);
    }

    private int positive(String key, int fallback) {
        String value = config.get(key);
        try {
            int n = value == null ? 0 : Integer.parseInt(value.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
