package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntentosVerificacionTest {

    private static final int MAXIMO = 3;
    private static final long DIA = 24 * 3600;
    private static final long T0 = 1_800_000_000L;

    @DisplayName("given no failures, then nothing is locked and every attempt is left")
    @Test
    void ninguno() {
        assertThat(IntentosVerificacion.NINGUNO.bloqueada(T0)).isFalse();
        assertThat(IntentosVerificacion.NINGUNO.restantes(MAXIMO, T0)).isEqualTo(3);
    }

    @DisplayName("given failures below the maximum, then attempts run down without a lock")
    @Test
    void cuentaRegresiva() {
        IntentosVerificacion uno = IntentosVerificacion.NINGUNO.conFallo(T0, MAXIMO, DIA);
        IntentosVerificacion dos = uno.conFallo(T0 + 10, MAXIMO, DIA);

        assertThat(uno.restantes(MAXIMO, T0)).isEqualTo(2);
        assertThat(dos.restantes(MAXIMO, T0 + 10)).isEqualTo(1);
        assertThat(dos.bloqueada(T0 + 10)).isFalse();
        assertThat(dos.ultimoFallo()).isEqualTo(T0 + 10);
    }

    @DisplayName("given the third failure, then verification locks for the configured time and no attempt is left")
    @Test
    void tercerFalloBloquea() {
        IntentosVerificacion tres = IntentosVerificacion.NINGUNO.conFallo(T0, MAXIMO, DIA).conFallo(T0, MAXIMO, DIA).conFallo(T0 + 5, MAXIMO, DIA);

        assertThat(tres.bloqueada(T0 + 5)).isTrue();
        assertThat(tres.bloqueadaHasta()).isEqualTo(T0 + 5 + DIA);
        assertThat(tres.bloqueada(T0 + 5 + DIA - 1)).isTrue();
        assertThat(tres.restantes(MAXIMO, T0 + 6)).isZero();
    }

    @DisplayName("given a lock that ran out, then the count starts again from zero")
    @Test
    void bloqueoVencido() {
        IntentosVerificacion tres = new IntentosVerificacion(3, T0, T0 + DIA);

        assertThat(tres.bloqueada(T0 + DIA)).isFalse();
        assertThat(tres.restantes(MAXIMO, T0 + DIA)).isEqualTo(3);
        IntentosVerificacion otraVez = tres.conFallo(T0 + DIA + 1, MAXIMO, DIA);
        assertThat(otraVez.fallidos()).isEqualTo(1);
        assertThat(otraVez.bloqueada(T0 + DIA + 1)).isFalse();
    }

    @DisplayName("given a maximum of 1, then the first failure locks")
    @Test
    void maximoUno() {
        assertThat(IntentosVerificacion.NINGUNO.conFallo(T0, 1, 3600).bloqueada(T0)).isTrue();
    }
}
