package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

class CorreoConfigTest {

    @DisplayName("given no configuration, then a code lives 5 minutes, 5 wrong codes and 3 resends are allowed, as the console says")
    @Test
    void defaults() {
        CorreoConfig config = new CorreoConfig(null);
        assertThat(config.segundosValidez()).isEqualTo(300);
        assertThat(config.intentos()).isEqualTo(5);
        assertThat(config.reenvios()).isEqualTo(3);
        assertThat(CorreoConfig.PROPERTIES).extracting(ProviderConfigProperty::getDefaultValue).containsExactly("5", "5", "3");
        assertThat(CorreoConfig.PROPERTIES).allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
    }

    @DisplayName("given values from the console, then they are kept within bounds and garbage falls back to the default")
    @Test
    void valores() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(CorreoConfig.MINUTOS_VALIDEZ, "2", CorreoConfig.INTENTOS, "0", CorreoConfig.REENVIOS, "muchos"));
        CorreoConfig config = new CorreoConfig(model);
        assertThat(config.segundosValidez()).isEqualTo(120);
        assertThat(config.intentos()).isEqualTo(1);
        assertThat(config.reenvios()).isEqualTo(3);
        model.setConfig(Map.of(CorreoConfig.MINUTOS_VALIDEZ, "600", CorreoConfig.INTENTOS, "99", CorreoConfig.REENVIOS, "-1"));
        assertThat(new CorreoConfig(model).minutosValidez()).isEqualTo(60);
        assertThat(new CorreoConfig(model).intentos()).isEqualTo(10);
        assertThat(new CorreoConfig(model).reenvios()).isEqualTo(0);
    }
}
