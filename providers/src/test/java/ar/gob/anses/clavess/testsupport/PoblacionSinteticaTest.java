package ar.gob.anses.clavess.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.cuenta.CodigoVerificacion;
import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PoblacionSinteticaTest {

    private static final long AHORA = 1_800_000_000_000L;
    private static final PoblacionSintetica.Plantilla PLANTILLA = new PoblacionSintetica.Plantilla("realm-1", "rol-1",
            "{\"value\":\"hash\\con\tcosas\",\"salt\":\"s\"}", "{\"algorithm\":\"argon2\"}", "oficinista-1", AHORA);
    private static final int CUENTAS = 5_000;

    private static PoblacionSintetica.Lote lote(long desde, long hasta) {
        PoblacionSintetica.Lote lote = new PoblacionSintetica.Lote();
        for (long i = desde; i < hasta; i++) {
            PoblacionSintetica.cuenta(i, PLANTILLA, lote);
        }
        return lote;
    }

    private static List<String[]> filas(PoblacionSintetica.Lote lote, String tabla) {
        return lote.texto(tabla).lines().map(l -> l.split("\t", -1)).toList();
    }

    @DisplayName("given a batch, then every row of every table has exactly its table's columns, and ids never repeat")
    @Test
    void columnasEIds() {
        PoblacionSintetica.Lote lote = lote(0, CUENTAS);
        for (String tabla : PoblacionSintetica.COLUMNAS.keySet()) {
            int columnas = PoblacionSintetica.COLUMNAS.get(tabla).split(",").length;
            List<String[]> filas = filas(lote, tabla);
            assertThat(filas).as(tabla).hasSize((int) lote.filas(tabla)).allSatisfy(f -> assertThat(f).hasSize(columnas));
            if (!tabla.equals("user_role_mapping")) {
                Set<String> ids = new HashSet<>();
                filas.forEach(f -> ids.add(f[0]));
                assertThat(ids).as(tabla).hasSize(filas.size()).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(36));
            }
        }
        assertThat(lote.filas("user_entity")).isEqualTo(CUENTAS);
        assertThat(lote.filas("user_attribute")).isEqualTo(6L * CUENTAS);
        assertThat(lote.filas("user_role_mapping")).isEqualTo(CUENTAS);
    }

    @DisplayName("given accounts, then each username is a valid CUIL nobody else has, and each USI-07 code is a canonical "
            + "code nobody else has")
    @Test
    void cuilesYCodigos() {
        Set<String> cuiles = new HashSet<>();
        Set<String> codigos = new HashSet<>();
        for (long i = 0; i < CUENTAS; i++) {
            String cuil = PoblacionSintetica.cuil(i);
            assertThat(Cuil.leer(cuil).esValido()).as(cuil).isTrue();
            cuiles.add(cuil);
            String codigo = PoblacionSintetica.codigoUsi07(i);
            assertThat(CodigoVerificacion.leer(codigo)).contains(codigo);
            codigos.add(codigo);
        }
        assertThat(cuiles).hasSize(CUENTAS);
        assertThat(codigos).hasSize(CUENTAS);
        assertThat(PoblacionSintetica.cuil(7)).isEqualTo(PoblacionSintetica.cuil(7)).contains("30000007");
    }

    @DisplayName("given accounts, then the shares are the stated ones: 15 % level 3, 70 % with email, 5 % with a second "
            + "factor, 2 % with an office action, 3 logins in 90 days on average")
    @Test
    void proporciones() {
        PoblacionSintetica.Lote lote = lote(0, CUENTAS);
        long nivel3 = filas(lote, "user_attribute").stream().filter(f -> f[1].equals("nivel") && f[2].equals("3")).count();
        assertThat(nivel3 / (double) CUENTAS).isBetween(0.13, 0.17);
        long conCorreo = filas(lote, "user_entity").stream().filter(f -> !f[1].equals("\\N")).count();
        assertThat(conCorreo / (double) CUENTAS).isBetween(0.67, 0.73);
        long otp = filas(lote, "credential").stream().filter(f -> f[1].equals("otp")).count();
        assertThat(otp / (double) CUENTAS).isBetween(0.04, 0.06);
        assertThat(lote.filas("admin_event_entity") / (double) CUENTAS).isBetween(0.015, 0.025);
        assertThat(lote.filas("anses_actividad_oficina")).isEqualTo(lote.filas("admin_event_entity"));
        long logins = filas(lote, "event_entity").stream().filter(f -> f[7].equals("LOGIN")).count();
        assertThat(logins / (double) CUENTAS).isBetween(2.8, 3.2);
    }

    @DisplayName("given accounts, then every event falls in the 90 days before now, and every event and office action is "
            + "the account's own")
    @Test
    void noventaDias() {
        PoblacionSintetica.Lote lote = lote(0, CUENTAS);
        long desde = AHORA - PoblacionSintetica.DIAS * PoblacionSintetica.DIA_MS;
        assertThat(filas(lote, "event_entity")).allSatisfy(f -> {
            assertThat(Long.parseLong(f[6])).isBetween(desde, AHORA);
            assertThat(f[8]).startsWith("00000000-0000-4000-8000-");
        });
        assertThat(filas(lote, "admin_event_entity")).allSatisfy(f -> {
            assertThat(Long.parseLong(f[1])).isBetween(desde, AHORA);
            assertThat(f[8]).isEqualTo("users/" + f[9].substring(7, 43));
        });
    }

    @DisplayName("given the shared hash with a backslash and a tab, then COPY's text escapes them, and null is \\N")
    @Test
    void escapes() {
        PoblacionSintetica.Lote lote = lote(0, 1);
        String[] clave = filas(lote, "credential").get(0);
        assertThat(clave[4]).isEqualTo("{\"value\":\"hash\\\\con\\tcosas\",\"salt\":\"s\"}");
        StringBuilder nulo = new StringBuilder();
        PoblacionSintetica.escapar(nulo, null);
        assertThat(nulo).hasToString("\\N");
        assertThat(Arrays.stream(filas(lote, "user_entity").get(0))).hasSize(11);
    }

    @DisplayName("given the same index twice, then the same rows: a load is reproducible")
    @Test
    void reproducible() {
        assertThat(lote(100, 200).texto("event_entity")).isEqualTo(lote(100, 200).texto("event_entity"));
        assertThat(lote(0, 50).texto("user_entity")).isNotEqualTo(lote(50, 100).texto("user_entity"));
    }
}
