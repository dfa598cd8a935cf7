package ar.gob.anses.clavess.crearclave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The 6-digit code that confirms an email address: what the authentication session keeps of it is a salt and the
 * SHA-256 of salt + code (never the code), and when it stops being valid. A code typed with spaces or dashes
 * ("123 456") is read as its digits; it is compared in constant time.
 */
record CodigoCorreo(String salt, String hash, long venceEn) {

    static final int DIGITOS = 6;

    /** A new code: its plain digits (for the email only) and what is kept of it. */
    record Nuevo(String codigo, CodigoCorreo guardado) {
    }

    static Nuevo nuevo(SecureRandom random, long ahora, long segundosValidez) {
        String codigo = String.format("%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new Nuevo(codigo, new CodigoCorreo(saltHex, sha256(saltHex + codigo), ahora + segundosValidez));
    }

    /** The digits of what the citizen typed, or null when it cannot be a code (not six digits once spaces are gone). */
    static String leer(String escrito) {
        if (escrito == null) {
            return null;
        }
        String digitos = escrito.replaceAll("[\\s.-]", "");
        return digitos.matches("[0-9]{" + DIGITOS + "}") ? digitos : null;
    }

    /** What the authentication session keeps: salt, hash and end of validity, in one note. */
    String nota() {
        return salt + ":" + hash + ":" + venceEn;
    }

    /** The code kept in {@code nota}, if there is one. */
    static Optional<CodigoCorreo> deNota(String nota) {
        String[] partes = nota == null ? new String[0] : nota.split(":");
        return partes.length == 3 ? Optional.of(new CodigoCorreo(partes[0], partes[1], Long.parseLong(partes[2]))) : Optional.empty();
    }

    boolean vencido(long ahora) {
        return ahora >= venceEn;
    }

    /** Whether {@code digitos} (as {@link #leer} gives them) is this code; says nothing about its validity in time. */
    boolean es(String digitos) {
        if (digitos == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(salt + digitos).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
