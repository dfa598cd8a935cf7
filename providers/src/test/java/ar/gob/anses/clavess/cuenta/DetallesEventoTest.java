package ar.gob.anses.clavess.cuenta;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.cuenta.DetallesEvento.Clave;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Correo;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Paso;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DetallesEventoTest {

    @DisplayName("given the values of stored events, then they are the ones earlier versions wrote, lower case")
    @Test
    void valores() {
        assertThat(Paso.CLAVE.valor()).isEqualTo("clave");
        assertThat(Paso.CORREO.valor()).isEqualTo("correo");
        assertThat(Paso.HABILITAR.valor()).isEqualTo("habilitar");
        assertThat(Clave.CREADA.valor()).isEqualTo("creada");
        assertThat(Clave.RECUPERADA.valor()).isEqualTo("recuperada");
        assertThat(Correo.SIN_SERVIDOR.valor()).isEqualTo("sin_servidor");
        assertThat(DetallesEvento.PASO).isEqualTo("anses_paso");
    }

    @DisplayName("given an event's details, then the step is read from them, and no details is no step")
    @Test
    void paso() {
        assertThat(Paso.CLAVE.en(Map.of(DetallesEvento.PASO, "clave"))).isTrue();
        assertThat(Paso.CORREO.en(Map.of(DetallesEvento.PASO, "clave"))).isFalse();
        assertThat(Paso.CLAVE.en(Map.of())).isFalse();
        assertThat(Paso.CLAVE.en(null)).isFalse();
    }

    @DisplayName("given a value of what the journey did to the clave, then it is read back, and anything else is none")
    @Test
    void clave() {
        assertThat(Clave.de("creada")).contains(Clave.CREADA);
        assertThat(Clave.de("recuperada")).contains(Clave.RECUPERADA);
        assertThat(Clave.de("CREADA")).isEmpty();
        assertThat(Clave.de(null)).isEmpty();
    }

    @DisplayName("given a yes/no detail, then only \"true\" is yes")
    @Test
    void si() {
        assertThat(DetallesEvento.si(Map.of("x", DetallesEvento.si(true)), "x")).isTrue();
        assertThat(DetallesEvento.si(Map.of("x", DetallesEvento.si(false)), "x")).isFalse();
        assertThat(DetallesEvento.si(Map.of(), "x")).isFalse();
        assertThat(DetallesEvento.si(null, "x")).isFalse();
    }

    @DisplayName("given the clave's state under its current or its earlier detail name, then either is read")
    @Test
    void estadoClave() {
        assertThat(DetallesEvento.estadoClave(Map.of(Atributos.ESTADO_CLAVE, "HABILITADA"), EstadoClave.HABILITADA)).isTrue();
        assertThat(DetallesEvento.estadoClave(Map.of("anses_estado_clave", "HABILITADA"), EstadoClave.HABILITADA)).isTrue();
        assertThat(DetallesEvento.estadoClave(Map.of(Atributos.ESTADO_CLAVE, "PENDIENTE"), EstadoClave.HABILITADA)).isFalse();
        assertThat(DetallesEvento.estadoClave(null, EstadoClave.HABILITADA)).isFalse();
    }
}
