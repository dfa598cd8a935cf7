package ar.gob.anses.clavess.crearclave;

import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Typed settings of a step that proves identity with counted attempts: Crear clave's verification (3 attempts,
 * 24-hour lock) and the online enablement of a pending clave (2 attempts, then an office: seed 003, C.3). Línea 130
 * asks Crear clave's questions by phone under the same settings ({@link #deCrearClave}), and its per-operator budget
 * is one of them.
 */
public final class VerificacionConfig {

    static final String INTENTOS = "intentos";
    static final String HORAS_BLOQUEO = "horasBloqueo";
    static final String PREGUNTAS = "preguntasPorIntento";
    static final String INTENTOS_POR_CUIL = "intentosPorCuil";
    static final String CLAVES_POR_HORA_LINEA_130 = "clavesPorHoraLinea130";
    private static final int CLAVES_POR_HORA_LINEA_130_DEFAULT = 12;

    static final Defaults CREAR_CLAVE = new Defaults(3, 24,
            "Failed verifications (wrong trámite or failed questions) of one CUIL before verification locks; "
                    + "counted on the server, whatever the browser.", 0);
    static final Defaults HABILITACION = new Defaults(2, 24 * 90,
            "Failed sets of questions of one pending clave (each registration has its own) before its online enablement "
                    + "locks and the citizen is sent to an office; counted on the server, apart from Crear clave's.", 4);

    /** The defaults of one step, and what its attempts are; {@code intentosPorCuil} 0: no ceiling per CUIL. */
    record Defaults(int intentos, int horasBloqueo, String ayudaIntentos, int intentosPorCuil) {
    }

    static final List<ProviderConfigProperty> PROPERTIES = conLinea130(propiedades(CREAR_CLAVE));

    /** Crear clave's step also holds Línea 130's budget: the phone asks the step's questions under its settings. */
    private static List<ProviderConfigProperty> conLinea130(List<ProviderConfigProperty> base) {
        List<ProviderConfigProperty> todas = new java.util.ArrayList<>(base);
        todas.addAll(ProviderConfigurationBuilder.create()
                .property().name(CLAVES_POR_HORA_LINEA_130).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Línea 130: claves per operator an hour")
                .helpText("How many claves (links or provisional claves) one Línea 130 operator may give in any 60 minutes after "
                        + "the caller answered these same questions by phone (counted in the database, charged before the clave is "
                        + "given); past it the operator's desk refuses until the hour has passed. Stops an operator who is being used.")
                .defaultValue(String.valueOf(CLAVES_POR_HORA_LINEA_130_DEFAULT)).add()
                .build());
        return List.copyOf(todas);
    }

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

    /**
     * The settings of Crear clave's verification step ({@link VerificacionIdentidadAuthenticatorFactory}) as the realm's
     * reset-credentials flow has them; the defaults when the flow has no such step or it has no config.
     */
    public static VerificacionConfig deCrearClave(RealmModel realm) {
        AuthenticationFlowModel flujo = realm.getResetCredentialsFlow();
        return new VerificacionConfig(flujo == null ? null : configDelPaso(realm, flujo.getId()));
    }

    private static AuthenticatorConfigModel configDelPaso(RealmModel realm, String flujoId) {
        return realm.getAuthenticationExecutionsStream(flujoId).map(paso -> {
            if (paso.isAuthenticatorFlow()) {
                return configDelPaso(realm, paso.getFlowId());
            }
            boolean esVerificacion = VerificacionIdentidadAuthenticatorFactory.PROVIDER_ID.equals(paso.getAuthenticator());
            return esVerificacion && paso.getAuthenticatorConfig() != null ? realm.getAuthenticatorConfigById(paso.getAuthenticatorConfig()) : null;
        }).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    VerificacionConfig(AuthenticatorConfigModel model) {
        this(model, CREAR_CLAVE);
    }

    VerificacionConfig(AuthenticatorConfigModel model, Defaults defaults) {
        this.config = model == null ? Map.of() : model.getConfig();
        this.defaults = defaults;
    }

    public int intentos() {
        return entre(INTENTOS, defaults.intentos(), 1, 20);
    }

    public long bloqueoSegundos() {
        return entre(HORAS_BLOQUEO, defaults.horasBloqueo(), 1, 24 * 365) * 3600L;
    }

    /** The ceiling of failed attempts over all the pending claves of one CUIL (the online enablement only). */
    int intentosPorCuil() {
        return entre(INTENTOS_POR_CUIL, Math.max(1, defaults.intentosPorCuil()), 1, 100);
    }

    public int preguntas() {
        return entre(PREGUNTAS, 4, 4, 7);
    }

    /** Línea 130: the claves one operator may give in any 60 minutes. */
    public int clavesPorHoraLinea130() {
        return entre(CLAVES_POR_HORA_LINEA_130, CLAVES_POR_HORA_LINEA_130_DEFAULT, 1, 1000);
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
