package ar.gob.anses.clavess.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class IngresoConfigTest {

    private static IngresoConfig de(Map<String, String> valores) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(valores);
        return new IngresoConfig(model);
    }

    @DisplayName("given no config, then the defaults: 20 failed claves an hour, a ceiling of 100, difficulty 50000, alarm past 3000")
    @Test
    void porDefecto() {
        IngresoConfig config = new IngresoConfig(null);
        assertThat(config.presupuesto()).isEqualTo(20);
        assertThat(config.techo()).isEqualTo(100);
        assertThat(config.dificultad()).isEqualTo(50_000);
        assertThat(config.alarma()).isEqualTo(3_000);
    }

    @DisplayName("given nonsense, zero or negative values, then the defaults; a ceiling below the budget is raised to it; "
            + "a huge budget is capped")
    @Test
    void valoresMalos() {
        IngresoConfig config = de(Map.of(IngresoConfig.PRESUPUESTO_POR_HORA, "cuarenta", IngresoConfig.TECHO_POR_HORA, "-3",
                IngresoConfig.ALARMA_POR_HORA, "0", IngresoConfig.DIFICULTAD, " 1000 "));
        assertThat(config.presupuesto()).isEqualTo(20);
        assertThat(config.techo()).isEqualTo(100);
        assertThat(config.alarma()).isEqualTo(3_000);
        assertThat(config.dificultad()).isEqualTo(1000);
        assertThat(de(Map.of(IngresoConfig.PRESUPUESTO_POR_HORA, "50", IngresoConfig.TECHO_POR_HORA, "10")).techo()).isEqualTo(50);
        assertThat(de(Map.of(IngresoConfig.PRESUPUESTO_POR_HORA, "999999999")).presupuesto()).isEqualTo(100_000);
    }
}
