package ar.gob.anses.clavess.cuenta;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodigoVerificacionTest {

    private static final SecureRandom AZAR = new SecureRandom();

    @DisplayName("given new codes, then each is XXXX-XXXX-XXXX in Crockford's base 32, without I, L, O or U, and reads back as itself")
    @Test
    void formato() {
        for (int i = 0; i < 2_000; i++) {
            String codigo = CodigoVerificacion.nuevo(AZAR);
            assertThat(codigo).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(CodigoVerificacion.leer(codigo)).contains(codigo);
        }
        assertThat(CodigoVerificacion.ALFABETO).hasSize(32).doesNotContain("I", "L", "O", "U");
        assertThat(Math.log(Math.pow(CodigoVerificacion.ALFABETO.length(), CodigoVerificacion.SIMBOLOS)) / Math.log(2))
                .as("bits of randomness").isGreaterThanOrEqualTo(60);
    }

    @DisplayName("given many codes, then they are all different and use every symbol: drawn at random, nothing of a person in them")
    @Test
    void azar() {
        Set<String> codigos = new HashSet<>();
        Set<Character> simbolos = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String codigo = CodigoVerificacion.nuevo(AZAR);
            codigos.add(codigo);
            codigo.replace("-", "").chars().forEach(c -> simbolos.add((char) c));
        }
        assertThat(codigos).hasSize(10_000);
        assertThat(simbolos).hasSize(32);
    }

    @DisplayName("given the same random source state, then the same code; the code depends on nothing but the random source "
            + "(the generator has no parameter for a CUIL or any person's data)")
    @Test
    void soloDelAzar() {
        assertThat(CodigoVerificacion.nuevo(new Random(7))).isEqualTo(CodigoVerificacion.nuevo(new Random(7)));
        String codigo = CodigoVerificacion.nuevo(AZAR);
        assertThat(codigo.replace("-", "")).doesNotContain("20235556678", "2355566");
    }

    @DisplayName("given what staff type, then lower case, spaces, missing dashes and O/I/L for 0/1 read as the code; "
            + "anything else is no code, without an exception")
    @Test
    void leer() {
        assertThat(CodigoVerificacion.leer("7k3m-q9xa-2bcd")).contains("7K3M-Q9XA-2BCD");
        assertThat(CodigoVerificacion.leer(" 7K3M Q9XA 2BCD ")).contains("7K3M-Q9XA-2BCD");
        assertThat(CodigoVerificacion.leer("7K3MQ9XA2BCD")).contains("7K3M-Q9XA-2BCD");
        assertThat(CodigoVerificacion.leer("OIL0-0000-0000")).contains("0110-0000-0000");
        for (String malo : new String[] {null, "", "-", "7K3M-Q9XA-2BC", "7K3M-Q9XA-2BCDE", "7K3M-Q9XA-2BCU", "7K3M/Q9XA/2BCD",
                "ñandú", "' OR 1=1 --", "%00", "\u0000\u0000", "7".repeat(100_000), "20-23555667-8"}) {
            assertThat(CodigoVerificacion.leer(malo)).as(String.valueOf(malo).length() > 40 ? "long" : String.valueOf(malo)).isEmpty();
        }
    }
}
