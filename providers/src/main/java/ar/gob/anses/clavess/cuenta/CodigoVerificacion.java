package ar.gob.anses.clavess.cuenta;

import java.util.Optional;
import java.util.Random;

/**
 * The verification code printed on a Formulario USI-07: 12 symbols of Crockford's base 32 (60 random bits), shown as
 * {@code XXXX-XXXX-XXXX}. It is drawn from the random source alone, never from the CUIL or anything else of the person,
 * so holding one form tells nothing about another's code. Reading is lenient with what staff type (lower case, spaces,
 * no dashes, O for 0, I and L for 1) and never throws.
 */
public final class CodigoVerificacion {

    /** Crockford's base 32: digits and letters without I, L, O and U. */
    public static final String ALFABETO = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int SIMBOLOS = 12;
    private static final int GRUPO = 4;
    /** Longer input is not a code, whatever it holds: it is not even looked at. */
    private static final int LARGO_MAXIMO_ENTRADA = 64;

    private CodigoVerificacion() {
    }

    /** A new code from {@code azar} (a SecureRandom in production): 12 symbols, 5 bits each. */
    public static String nuevo(Random azar) {
        StringBuilder simbolos = new StringBuilder(SIMBOLOS);
        for (int i = 0; i < SIMBOLOS; i++) {
            simbolos.append(ALFABETO.charAt(azar.nextInt(ALFABETO.length())));
        }
        return conGuiones(simbolos.toString());
    }

    /** What someone typed or read as the canonical code {@code XXXX-XXXX-XXXX}, or empty if it cannot be one. */
    public static Optional<String> leer(String entrada) {
        if (entrada == null || entrada.length() > LARGO_MAXIMO_ENTRADA) {
            return Optional.empty();
        }
        StringBuilder simbolos = new StringBuilder(SIMBOLOS);
        for (int i = 0; i < entrada.length(); i++) {
            char c = Character.toUpperCase(entrada.charAt(i));
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALFABETO.indexOf(c) < 0 || simbolos.length() == SIMBOLOS) {
                return Optional.empty();
            }
            simbolos.append(c);
        }
        return simbolos.length() == SIMBOLOS ? Optional.of(conGuiones(simbolos.toString())) : Optional.empty();
    }

    private static String conGuiones(String simbolos) {
        return simbolos.substring(0, GRUPO) + "-" + simbolos.substring(GRUPO, 2 * GRUPO) + "-" + simbolos.substring(2 * GRUPO);
    }
}
