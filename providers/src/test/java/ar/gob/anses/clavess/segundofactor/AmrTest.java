package ar.gob.anses.clavess.segundofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.AmrUtils;

class AmrTest {

    /** A realm with executions and authenticator configs, and nothing else: what Keycloak's AmrUtils reads of a realm. */
    private static final class Realm {
        final Map<String, AuthenticationExecutionModel> pasos = new HashMap<>();
        final Map<String, AuthenticatorConfigModel> configs = new HashMap<>();

        Realm paso(String id, String configId) {
            AuthenticationExecutionModel paso = new AuthenticationExecutionModel();
            paso.setId(id);
            paso.setAuthenticatorConfig(configId);
            pasos.put(id, paso);
            return this;
        }

        Realm config(String id, Map<String, String> valores) {
            AuthenticatorConfigModel config = new AuthenticatorConfigModel();
            config.setId(id);
            config.setConfig(valores);
            configs.put(id, config);
            return this;
        }

        RealmModel modelo() {
            return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                    (proxy, metodo, args) -> switch (metodo.getName()) {
                        case "getAuthenticationExecutionById" -> pasos.get((String) args[0]);
                        case "getAuthenticatorConfigById" -> configs.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(metodo.getName());
                    });
        }
    }

    private static Map<String, String> referencia(String valor, String maxAge) {
        Map<String, String> config = new HashMap<>();
        if (valor != null) {
            config.put(Amr.REFERENCIA, valor);
        }
        if (maxAge != null) {
            config.put(Amr.VIGENCIA, maxAge);
        }
        return config;
    }

    /** Ours, through the mapper's own lookup of a step's config. */
    private static List<String> nuestras(Map<String, Integer> completados, RealmModel realm, int ahora) {
        return Amr.referencias(completados, id -> AmrProtocolMapper.configDePaso(realm, id), ahora);
    }

    @Test
    @DisplayName("given a login of cookie, clave, condition and TOTP steps, then amr is [pwd, otp], in completion order, "
            + "exactly what Keycloak's AmrUtils gives")
    void comoKeycloak() {
        int ahora = Time.currentTime();
        RealmModel realm = new Realm()
                .paso("cookie", null)
                .paso("clave", "cfg-clave").config("cfg-clave", referencia("pwd", "36000"))
                .paso("condicion", null)
                .paso("otp", "cfg-otp").config("cfg-otp", referencia("otp", "36000"))
                .modelo();
        Map<String, Integer> completados = new LinkedHashMap<>();
        completados.put("otp", ahora - 3);
        completados.put("condicion", ahora - 4);
        completados.put("cookie", ahora - 10);
        completados.put("clave", ahora - 5);

        assertThat(nuestras(completados, realm, ahora)).containsExactly("otp", "pwd")
                .isEqualTo(AmrUtils.getAuthenticationExecutionReferences(completados, realm));
    }

    @Test
    @DisplayName("given steps that are gone, have no config, a config that is gone, no or an empty reference, or a null time, "
            + "then they are skipped, as Keycloak skips them (there through a NullPointerException each)")
    void pasosSinReferencia() {
        int ahora = Time.currentTime();
        RealmModel realm = new Realm()
                .paso("sin-config", null)
                .paso("config-borrada", "no-existe")
                .paso("sin-referencia", "cfg-vacia").config("cfg-vacia", referencia(null, "36000"))
                .paso("referencia-vacia", "cfg-blanca").config("cfg-blanca", referencia("", "36000"))
                .paso("config-nula", "cfg-nula").config("cfg-nula", null)
                .paso("sin-hora", "cfg-otp").config("cfg-otp", referencia("otp", "36000"))
                .paso("clave", "cfg-clave").config("cfg-clave", referencia("pwd", "36000"))
                .modelo();
        Map<String, Integer> completados = new LinkedHashMap<>();
        for (String id : List.of("borrado", "sin-config", "config-borrada", "sin-referencia", "referencia-vacia", "config-nula")) {
            completados.put(id, ahora - 1);
        }
        completados.put("sin-hora", null);
        completados.put("clave", ahora - 1);

        assertThat(nuestras(completados, realm, ahora)).containsExactly("pwd")
                .isEqualTo(AmrUtils.getAuthenticationExecutionReferences(completados, realm));
    }

    @DisplayName("given a step's max age and how long ago it was completed, then its reference counts exactly when Keycloak's does")
    @ParameterizedTest(name = "max age [{0}], {1} s ago -> {2}")
    @CsvSource(nullValues = "NULL", value = {
            "36000, 5, true",
            "10, 100, false",       // run out
            "NULL, 100, false",     // missing: 0
            "NULL, -100, true",     // completed 'in the future' (clock moved back)
            "'', 5, false",         // not a number: Keycloak warns and says no
            "diez, 5, false",
            "'36000 ', 5, false",
            "+36000, 5, true",
            "-5, 1, false",
            "٣٦٠٠٠, 5, true",       // Arabic-Indic digits: Integer.parseInt reads them
            "2147483647, 5, false", // int overflow in Keycloak's sum: never
            "2147483648, 5, false", // beyond int
            "-, 5, false",
            "+, 5, false",
    })
    void vigencia(String maxAge, int hace, boolean cuenta) {
        int ahora = Time.currentTime();
        RealmModel realm = new Realm().paso("clave", "cfg").config("cfg", referencia("pwd", maxAge)).modelo();
        Map<String, Integer> completados = Map.of("clave", ahora - hace);

        List<String> esperado = cuenta ? List.of("pwd") : List.of();
        assertThat(nuestras(completados, realm, ahora)).isEqualTo(esperado)
                .isEqualTo(AmrUtils.getAuthenticationExecutionReferences(completados, realm));
    }

    @DisplayName("given a step completed exactly max age seconds ago, or this very second with no max age, then it still counts")
    @ParameterizedTest(name = "max age [{0}], {1} s ago -> {2}")
    @CsvSource(nullValues = "NULL", value = {"10, 10, true", "10, 11, false", "NULL, 0, true", "NULL, 1, false"})
    void limiteDeVigencia(String maxAge, int hace, boolean cuenta) {
        int ahora = 1_800_000_000; // a fixed clock: at the boundary, one second more would change the answer
        assertThat(Amr.vigente(referencia("pwd", maxAge), ahora - hace, ahora)).isEqualTo(cuenta);
    }

    @Test
    @DisplayName("given a max age key present with no value, then the step does not count, as in Keycloak")
    void vigenciaNula() {
        int ahora = Time.currentTime();
        Map<String, String> config = referencia("pwd", null);
        config.put(Amr.VIGENCIA, null);
        RealmModel realm = new Realm().paso("clave", "cfg").config("cfg", config).modelo();
        Map<String, Integer> completados = Map.of("clave", ahora);

        assertThat(nuestras(completados, realm, ahora)).isEmpty();
        assertThat(AmrUtils.getAuthenticationExecutionReferences(completados, realm)).isEmpty();
    }

    @Test
    @DisplayName("given a session that completed nothing, then amr is an empty list")
    void nada() {
        assertThat(Amr.referencias(Map.of(), id -> null, Time.currentTime())).isEmpty();
    }
}
