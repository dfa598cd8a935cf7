package ar.gob.anses.clavess.crearclave;

import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Typed settings of Confirmá tu correo: how long a code lives, how many wrong codes and how many resends a journey has. */
final class CorreoConfig {

    static final String MINUTOS_VALIDEZ = "minutosValidez";
    static final String INTENTOS = "intentos";
    static final String REENVIOS = "reenvios";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(MINUTOS_VALIDEZ).type(ProviderConfigProperty.INTEGER_TYPE).label("Code validity (minutes)")
            .helpText("How long a code sent to the address stays valid (1 to 60 minutes). A resent code replaces the previous one. "
                    + "Keep it within the realm's user-initiated action lifespan (Realm settings > Tokens, 5 minutes by default): "
                    + "the page itself expires after that long without a request.")
            .defaultValue("5").add()
            .property().name(INTENTOS).type(ProviderConfigProperty.INTEGER_TYPE).label("Wrong codes allowed")
            .helpText("Wrong codes one journey may type (1 to 10), whatever the number of codes sent; then the address can only "
                    + "be left unconfirmed (the clave is created anyway).").defaultValue("5").add()
            .property().name(REENVIOS).type(ProviderConfigProperty.INTEGER_TYPE).label("Resends allowed")
            .helpText("How many times the citizen may ask for a new code in one journey (0 to 10), beyond the first one.")
            .defaultValue("3").add()
            .build();

    private final Map<String, String> config;

    CorreoConfig(AuthenticatorConfigModel model) {
        this.config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    long segundosValidez() {
        return entre(MINUTOS_VALIDEZ, 5, 1, 60) * 60L;
    }

    int minutosValidez() {
        return entre(MINUTOS_VALIDEZ, 5, 1, 60);
    }

    int intentos() {
        return entre(INTENTOS, 5, 1, 10);
    }

    int reenvios() {
        return entre(REENVIOS, 3, 0, 10);
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
