package ar.gob.anses.clavess.flujo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The "No soy un robot" check: a proof of work in the manner of ALTCHA, self-hosted and without images.
 * The page gets a salt and the SHA-256 of salt + a secret number up to {@code maximo}; the browser finds
 * the number by trying them in turn (about a second in the page's loop at {@code maximo} 50 000; native code
 * needs a few milliseconds), so every submission costs work. The server keeps the last challenge shown in
 * the authentication session: each page of the step replaces it, and a passed one stays there until the
 * session ends.
 */
public record DesafioRobot(String salt, String challenge, int maximo) {

    /** The largest difficulty: some minutes of a phone's browser; more would never be solved. */
    public static final int MAXIMO = 10_000_000;

    /** The form field of the solution, and the authentication-session notes of the last challenge shown. */
    public static final String FIELD = "robot";
    static final String NOTE_SALT = "anses.robot.salt";
    static final String NOTE_CHALLENGE = "anses.robot.challenge";
    static final String NOTE_MAXIMO = "anses.robot.maximo";

    /** A new challenge, kept in the authentication session in place of the one shown before; for the page's {@code robot} attribute. */
    public static DesafioRobot mostrar(AuthenticationSessionModel authSession, SecureRandom random, int maximo) {
        DesafioRobot desafio = nuevo(random, maximo);
        authSession.setAuthNote(NOTE_SALT, desafio.salt());
        authSession.setAuthNote(NOTE_CHALLENGE, desafio.challenge());
        authSession.setAuthNote(NOTE_MAXIMO, String.valueOf(desafio.maximo()));
        return desafio;
    }

    /** The last challenge shown in this authentication session, if any. */
    public static Optional<DesafioRobot> mostrado(AuthenticationSessionModel authSession) {
        String salt = authSession.getAuthNote(NOTE_SALT);
        String challenge = authSession.getAuthNote(NOTE_CHALLENGE);
        String maximo = authSession.getAuthNote(NOTE_MAXIMO);
        if (salt == null || challenge == null || maximo == null || !maximo.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new DesafioRobot(salt, challenge, Integer.parseInt(maximo)));
    }

    /** Whether {@code numero} solves the last challenge shown in this authentication session. */
    public static boolean resuelto(AuthenticationSessionModel authSession, String numero) {
        return mostrado(authSession).map(d -> d.resueltoCon(numero)).orElse(false);
    }

    /** A new challenge up to {@code maximo}, taken between 1 and {@link #MAXIMO} (a setting out of range never fails a page). */
    public static DesafioRobot nuevo(SecureRandom random, int maximo) {
        int tope = Math.max(1, Math.min(maximo, MAXIMO));
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new DesafioRobot(saltHex, sha256(saltHex + random.nextInt(tope + 1)), tope);
    }

    /** Whether {@code numero} is the solution: the one number whose hash is the challenge. */
    public boolean resueltoCon(String numero) {
        if (numero == null || !numero.matches("[0-9]{1,9}") || Integer.parseInt(numero) > maximo) {
            return false;
        }
        return MessageDigest.isEqual(sha256(salt + Integer.parseInt(numero)).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** What the browser does, here for tests and tools that cannot run the page's script. */
    public int resolver() {
        for (int n = 0; n <= maximo; n++) {
            if (sha256(salt + n).equals(challenge)) {
                return n;
            }
        }
        throw new IllegalStateException("no solution up to " + maximo);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
