package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntentosHabilitacionTest {

    private static final long DIA = 24 * 3600;
    private static final long NOVENTA_DIAS = 90 * DIA;
    private static final long T0 = 1_800_000_000L;
    private static final IntentosHabilitacion REGLAS = new IntentosHabilitacion(2, 4, NOVENTA_DIAS);

    @DisplayName("given a request that failed its own 2 attempts, then it is locked until it expires and the CUIL is not")
    @Test
    void laSolicitudSeBloqueaSola() {
        IntentosVerificacion cuil = REGLAS.cuilTrasFallo(REGLAS.cuilTrasFallo(IntentosVerificacion.NINGUNO, T0), T0 + 1);
        long vence = T0 + NOVENTA_DIAS;

        IntentosVerificacion ajena = REGLAS.deLaSolicitud(cuil, 2, T0 - 60, vence, T0 + 2);
        IntentosVerificacion otra = REGLAS.deLaSolicitud(cuil, 0, T0 - 30, vence, T0 + 2);

        assertThat(cuil.bloqueada(T0 + 2)).isFalse();
        assertThat(ajena.bloqueada(T0 + 2)).isTrue();
        assertThat(ajena.bloqueadaHasta()).isEqualTo(vence);
        assertThat(otra.bloqueada(T0 + 2)).isFalse();
        assertThat(otra.restantes(2, T0 + 2)).isEqualTo(2);
    }

    @DisplayName("given the CUIL's failures reach the ceiling, then the requests registered before keep their own attempts "
            + "and every one registered after is locked until the ceiling's lock ends")
    @Test
    void elTopeBloqueaSoloLasPosteriores() {
        IntentosVerificacion cuil = IntentosVerificacion.NINGUNO;
        for (int i = 0; i < 4; i++) {
            cuil = REGLAS.cuilTrasFallo(cuil, T0 + i);
        }
        long ahora = T0 + 10;

        assertThat(cuil.bloqueada(ahora)).isTrue();
        assertThat(cuil.ultimoFallo()).isEqualTo(T0 + 3);
        IntentosVerificacion anterior = REGLAS.deLaSolicitud(cuil, 1, T0 - 100, T0 + NOVENTA_DIAS, ahora);
        IntentosVerificacion posterior = REGLAS.deLaSolicitud(cuil, 0, T0 + 5, T0 + 5 + NOVENTA_DIAS, ahora);
        assertThat(anterior.bloqueada(ahora)).isFalse();
        assertThat(anterior.restantes(2, ahora)).isEqualTo(1);
        assertThat(posterior.bloqueada(ahora)).isTrue();
        assertThat(posterior.bloqueadaHasta()).isEqualTo(T0 + 3 + NOVENTA_DIAS);
    }

    @DisplayName("given a locked CUIL, when an older request fails again, then the CUIL's lock keeps its start and end")
    @Test
    void unFalloTrasElTopeNoMueveElBloqueo() {
        IntentosVerificacion cuil = IntentosVerificacion.NINGUNO;
        for (int i = 0; i < 4; i++) {
            cuil = REGLAS.cuilTrasFallo(cuil, T0);
        }
        assertThat(REGLAS.cuilTrasFallo(cuil, T0 + DIA)).isEqualTo(cuil);
    }

    @DisplayName("given the ceiling's lock has run out, then requests registered during it can try again and the count starts over")
    @Test
    void elTopeVence() {
        IntentosVerificacion cuil = IntentosVerificacion.NINGUNO;
        for (int i = 0; i < 4; i++) {
            cuil = REGLAS.cuilTrasFallo(cuil, T0);
        }
        long despues = T0 + NOVENTA_DIAS + 1;

        assertThat(REGLAS.deLaSolicitud(cuil, 0, T0 + DIA, T0 + DIA + NOVENTA_DIAS, despues).bloqueada(despues)).isFalse();
        assertThat(REGLAS.cuilTrasFallo(cuil, despues).fallidos()).isEqualTo(1);
    }
}
