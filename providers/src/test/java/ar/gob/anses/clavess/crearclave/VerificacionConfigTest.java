package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class VerificacionConfigTest {

    @DisplayName("each step has its own defaults: Crear clave 3 attempts and a 24-hour lock, online enablement 2 and 90 days")
    @Test
    void defaultsPorPaso() {
        assertThat(new VerificacionConfig(null).intentos()).isEqualTo(3);
        assertThat(new VerificacionConfig(null).bloqueoSegundos()).isEqualTo(24 * 3600L);
        assertThat(new VerificacionConfig(null, VerificacionConfig.HABILITACION).intentos()).isEqualTo(2);
        assertThat(new VerificacionConfig(null, VerificacionConfig.HABILITACION).bloqueoSegundos()).isEqualTo(90 * 24 * 3600L);
        assertThat(VerificacionConfig.propiedades(VerificacionConfig.HABILITACION).get(0).getDefaultValue()).isEqualTo("2");
    }

    @DisplayName("a value set in the console wins, kept within bounds; garbage falls back to the step's default")
    @Test
    void valoresDeLaConsola() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(VerificacionConfig.INTENTOS, "5", VerificacionConfig.HORAS_BLOQUEO, "muchas"));
        VerificacionConfig config = new VerificacionConfig(model, VerificacionConfig.HABILITACION);
        assertThat(config.intentos()).isEqualTo(5);
        assertThat(config.bloqueoSegundos()).isEqualTo(90 * 24 * 3600L);
        model.setConfig(Map.of(VerificacionConfig.INTENTOS, "500"));
        assertThat(new VerificacionConfig(model, VerificacionConfig.HABILITACION).intentos()).isEqualTo(20);
    }

    @DisplayName("given Crear clave's step, then it also holds Línea 130's budget per operator and hour: 12 by default, the "
            + "console's value within 1 to 1000; the online enablement's step does not offer it")
    @Test
    void presupuestoLinea130() {
        assertThat(new VerificacionConfig(null).clavesPorHoraLinea130()).isEqualTo(12);
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(VerificacionConfig.CLAVES_POR_HORA_LINEA_130, "0"));
        assertThat(new VerificacionConfig(model).clavesPorHoraLinea130()).isEqualTo(1);
        model.setConfig(Map.of(VerificacionConfig.CLAVES_POR_HORA_LINEA_130, "30"));
        assertThat(new VerificacionConfig(model).clavesPorHoraLinea130()).isEqualTo(30);
        assertThat(VerificacionConfig.PROPERTIES).anyMatch(p -> p.getName().equals(VerificacionConfig.CLAVES_POR_HORA_LINEA_130));
        assertThat(VerificacionConfig.propiedades(VerificacionConfig.HABILITACION))
                .noneMatch(p -> p.getName().equals(VerificacionConfig.CLAVES_POR_HORA_LINEA_130));
    }
}
