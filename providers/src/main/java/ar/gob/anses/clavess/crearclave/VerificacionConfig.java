package ar.gob.anses.clavess.crearclave;

import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Typed settings of a step that proves identity with counted attempts: Crear clave's verification (3 attempts,
 * 24-hour lock) and the online enablement of a pending clave (2 attempts, then an office: seed 003, C.3).
 */
final class VerificacionConfig {

    static final String INTENTOS = "intentos";
    static final String HORAS_BLOQUEO = "horasBloqueo";
    static final String PREGUNTAS = "preguntasPorIntento";
    static final String INTENTOS_POR_CUIL = "intentosPorCuil";

    static final Defaults CREAR_CLAVE = new Defaults(3, 24,
            "Failed verifications (wrong trámite or failed questions) of one CUIL before verification locks; "
                    + "counted on the server, whatever the browser.", 0);
    static final Defaults HABILITACION = new Defaults(2, 24 * 90,
            "Failed sets of questions of one pending clave (each registration has its own) before its online enablement "
                    + "locks and the citizen is sent to an office; counted on the server, apart from Crear clave's.", 4);

    /** The defaults of one step, and what its attempts are; {@code intentosPorCuil} 0: no ceiling per CUIL. */
    record Defaults(int intentos, int horasBloqueo, String ayudaIntentos, int intentosPorCuil) {
    }

    static final List<ProviderConfigProperty> PROPERTIES = propiedades(CREAR_CLAVE);

    static List<ProviderConfigProperty> propiedades(Defaults defaults) {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
            .property().name(INTENTOS).type(ProviderConfigProperty.INTEGER_TYPE).label("Attempts before the lock")
            .helpText(defaults.ayudaIntentos()).defaultValue(String.valueOf(defaults.intentos())).add()
            .property().name(HORAS_BLOQUEO).type(ProviderConfigProperty.INTEGER_TYPE).label("Lock (hours)")
            .helpText("How long the attempts stay locked for that CUIL.").defaultValue(String.valueOf(defaults.horasBloqueo())).add()
            .property().name(PREGUNTAS).type(ProviderConfigProperty.INTEGER_TYPE).label("Questions per attempt")
            .helpText("Knowledge questions asked per attempt when the registry has no trámite number (4 to 7); "
                    + "all must be answered right.").defaultValue("4").add();
        if (defaults.intentosPorCuil() > 0) {
            builder.property().name(INTENTOS_POR_CUIL).type(ProviderConfigProperty.INTEGER_TYPE).label("Failed attempts per CUIL")
                    .helpText("Ceiling over all the pending claves of one CUIL: once their failed attempts add up to it, every "
                            + "pending clave registered for that CUIL afterwards is locked for the lock's hours (registering again "
                            + "brings no new guesses), while those registered before keep their own attempts. Offices see and lift "
                            + "it (anses-verificacion/habilitacion/bloqueos).")
                    .defaultValue(String.valueOf(defaults.intentosPorCuil())).add();
        }
        return builder.build();
    }

    private final Map<String, String> config;
    private final Defaults defaults;

    VerificacionConfig(AuthenticatorConfigModel model) {
        this(model, CREAR_CLAVE);
    }

    VerificacionConfig(AuthenticatorConfigModel model, Defaults defaults) {
        this.config = model == null ? Map.of() : model.getConfig();
        this.defaults = defaults;
    }

    int intentos() {
        return entre(INTENTOS, defaults.intentos(), 1, 20);
    }

    long bloqueoSegundos() {
        return entre(HORAS_BLOQUEO, defaults.horasBloqueo(), 1, 24 * 365) * 3600L;
    }

    /** The ceiling of failed attempts over all the pending claves of one CUIL (the online enablement only). */
    int intentosPorCuil() {
        return entre(INTENTOS_POR_CUIL, Math.max(1, defaults.intentosPorCuil()), 1, 100);
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
