package ar.gob.anses.clavess.cuenta;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Set;

/**
 * A person's CUIL: 2-digit prefix, 8-digit DNI, modulo-11 check digit. Parsing never throws: bad input
 * comes back as a {@link Problema} whose message key the login form shows on the CUIL field.
 */
public final class Cuil {

    /** Why typed text is not a person's CUIL; each has its own message in the theme. */
    public enum Problema {
        VACIO("ansesCuilEmpty"),
        NO_SON_NUMEROS("ansesCuilNotDigits"),
        LARGO_INCORRECTO("ansesCuilWrongLength"),
        PREFIJO_DESCONOCIDO("ansesCuilUnknownPrefix"),
        PERSONA_JURIDICA("ansesCuilLegalEntity"),
        DIGITO_VERIFICADOR("ansesCuilCheckDigit");

        private final String messageKey;

        Problema(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Either a CUIL or the problem with the input, never both. */
    public static final class Lectura {
        private final Cuil cuil;
        private final Problema problem;

        private Lectura(Cuil cuil, Problema problem) {
            this.cuil = cuil;
            this.problem = problem;
        }

        public boolean esValido() {
            return cuil != null;
        }

        public Cuil cuil() {
            if (cuil == null) {
                throw new IllegalStateException("not a valid CUIL: " + problem);
            }
            return cuil;
        }

        public Problema problema() {
            return problem;
        }
    }

    public static final int LARGO = 11;

    // 25 and 26 are given to some foreign residents; 30, 33 and 34 are legal entities (CUIT only).
    private static final Set<String> PERSON_PREFIXES = Set.of("20", "23", "24", "25", "26", "27");
    private static final Set<String> LEGAL_ENTITY_PREFIXES = Set.of("30", "33", "34");
    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    // What people type between the groups: 20-31732048-6, 20 31732048 6, 20.31732048.6
    private static final String SEPARATORS = "-.\u2010\u2011\u2012\u2013\u2014\u2212";

    private final String digitos;

    private Cuil(String digitos) {
        this.digitos = digitos;
    }

    public static Lectura leer(String input) {
        String text = input == null ? "" : Normalizer.normalize(input, Normalizer.Form.NFKC); // full-width digits
        StringBuilder digits = new StringBuilder(LARGO);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && SEPARATORS.indexOf(c) < 0) {
                return new Lectura(null, Problema.NO_SON_NUMEROS);
            }
        }
        if (digits.length() == 0) {
            return new Lectura(null, Problema.VACIO);
        }
        if (digits.length() != LARGO) {
            return new Lectura(null, Problema.LARGO_INCORRECTO);
        }
        String prefix = digits.substring(0, 2);
        if (LEGAL_ENTITY_PREFIXES.contains(prefix)) {
            return new Lectura(null, Problema.PERSONA_JURIDICA);
        }
        if (!PERSON_PREFIXES.contains(prefix)) {
            return new Lectura(null, Problema.PREFIJO_DESCONOCIDO);
        }
        int expected = digitoVerificador(digits.substring(0, LARGO - 1));
        if (expected != digits.charAt(LARGO - 1) - '0') {
            return new Lectura(null, Problema.DIGITO_VERIFICADOR);
        }
        return new Lectura(new Cuil(digits.toString()), null);
    }

    /**
     * The modulo-11 check digit of the first ten digits, or -1 when the remainder gives 10: no CUIL
     * ends that way (such persons get prefix 23 instead).
     */
    public static int digitoVerificador(String firstTen) {
        if (firstTen.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("expected 10 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (firstTen.charAt(i) - '0') * WEIGHTS[i];
        }
        int digit = 11 - sum % 11;
        if (digit == 11) {
            return 0;
        }
        return digit == 10 ? -1 : digit;
    }

    /** The 11 digits without separators: the Keycloak username. */
    public String digitos() {
        return digitos;
    }

    /** As printed on the constancia: 20-31732048-6. */
    public String conGuiones() {
        return digitos.substring(0, 2) + "-" + digitos.substring(2, 10) + "-" + digitos.substring(10);
    }

    /** The DNI number inside the CUIL, 8 digitos with leading zeros. */
    public String dni() {
        return digitos.substring(2, 10);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cuil && ((Cuil) o).digitos.equals(digitos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digitos);
    }

    @Override
    public String toString() {
        return conGuiones();
    }
}
