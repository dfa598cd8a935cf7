package ar.gob.anses.clavess.cuil;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Set;

/**
 * A person's CUIL: 2-digit prefix, 8-digit DNI, modulo-11 check digit. Parsing never throws: bad input
 * comes back as a {@link Problem} whose message key the login form shows on the CUIL field.
 */
public final class Cuil {

    /** Why typed text is not a person's CUIL; each has its own message in the theme. */
    public enum Problem {
        EMPTY("ansesCuilEmpty"),
        NOT_DIGITS("ansesCuilNotDigits"),
        WRONG_LENGTH("ansesCuilWrongLength"),
        UNKNOWN_PREFIX("ansesCuilUnknownPrefix"),
        LEGAL_ENTITY("ansesCuilLegalEntity"),
        CHECK_DIGIT("ansesCuilCheckDigit");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Either a CUIL or the problem with the input, never both. */
    public static final class Parsed {
        private final Cuil cuil;
        private final Problem problem;

        private Parsed(Cuil cuil, Problem problem) {
            this.cuil = cuil;
            this.problem = problem;
        }

        public boolean isValid() {
            return cuil != null;
        }

        public Cuil cuil() {
            if (cuil == null) {
                throw new IllegalStateException("not a valid CUIL: " + problem);
            }
            return cuil;
        }

        public Problem problem() {
            return problem;
        }
    }

    public static final int LENGTH = 11;

    // 25 and 26 are given to some foreign residents; 30, 33 and 34 are legal entities (CUIT only).
    private static final Set<String> PERSON_PREFIXES = Set.of("20", "23", "24", "25", "26", "27");
    private static final Set<String> LEGAL_ENTITY_PREFIXES = Set.of("30", "33", "34");
    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    // What people type between the groups: 20-31732048-6, 20 31732048 6, 20.31732048.6
    private static final String SEPARATORS = "-.\u2010\u2011\u2012\u2013\u2014\u2212";

    private final String digits;

    private Cuil(String digits) {
        this.digits = digits;
    }

    public static Parsed parse(String input) {
        String text = input == null ? "" : Normalizer.normalize(input, Normalizer.Form.NFKC); // full-width digits
        StringBuilder digits = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && SEPARATORS.indexOf(c) < 0) {
                return new Parsed(null, Problem.NOT_DIGITS);
            }
        }
        if (digits.length() == 0) {
            return new Parsed(null, Problem.EMPTY);
        }
        if (digits.length() != LENGTH) {
            return new Parsed(null, Problem.WRONG_LENGTH);
        }
        String prefix = digits.substring(0, 2);
        if (LEGAL_ENTITY_PREFIXES.contains(prefix)) {
            return new Parsed(null, Problem.LEGAL_ENTITY);
        }
        if (!PERSON_PREFIXES.contains(prefix)) {
            return new Parsed(null, Problem.UNKNOWN_PREFIX);
        }
        int expected = checkDigit(digits.substring(0, LENGTH - 1));
        if (expected != digits.charAt(LENGTH - 1) - '0') {
            return new Parsed(null, Problem.CHECK_DIGIT);
        }
        return new Parsed(new Cuil(digits.toString()), null);
    }

    /**
     * The modulo-11 check digit of the first ten digits, or -1 when the remainder gives 10: no CUIL
     * ends that way (such persons get prefix 23 instead).
     */
    public static int checkDigit(String firstTen) {
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
    public String digits() {
        return digits;
    }

    /** As printed on the constancia: 20-31732048-6. */
    public String formatted() {
        return digits.substring(0, 2) + "-" + digits.substring(2, 10) + "-" + digits.substring(10);
    }

    /** The DNI number inside the CUIL, 8 digits with leading zeros. */
    public String dni() {
        return digits.substring(2, 10);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cuil && ((Cuil) o).digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
