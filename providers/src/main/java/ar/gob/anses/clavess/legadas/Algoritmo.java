package ar.gob.anses.clavess.legadas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * How the agency's current system keeps a clave, one per legacy entry ({@code algoritmo}), each with the hash string as
 * that system stores it. Verified with well-kept code only: bcrypt by BouncyCastle's {@link OpenBSDBCrypt} (the jar
 * Keycloak's Argon2 comes from), PBKDF2 and SHA by the JDK's providers; every comparison is constant-time
 * ({@link MessageDigest#isEqual}, and BouncyCastle's own for bcrypt). A name or a hash string that is not one of these
 * is refused when the registry is read, never at a login.
 */
public enum Algoritmo {

    /** The modular-crypt string {@code $2a$|$2b$|$2y$<cost>$<22 chars of salt><31 chars of hash>}. */
    BCRYPT("bcrypt", new Bcrypt()),
    /** {@code <iterations>$<salt, base64>$<derived key, base64>}, HMAC-SHA1; the key length is the derived key's. */
    PBKDF2_SHA1("pbkdf2-sha1", new Pbkdf2("PBKDF2WithHmacSHA1")),
    /** As {@link #PBKDF2_SHA1}, HMAC-SHA256. */
    PBKDF2_SHA256("pbkdf2-sha256", new Pbkdf2("PBKDF2WithHmacSHA256")),
    /** {@code <salt, hex>$<hex SHA-1 of the salt's bytes followed by the clave's UTF-8 bytes>}. */
    SHA1("sha1", new Salado("SHA-1", 20)),
    /** As {@link #SHA1}, SHA-256. */
    SHA256("sha256", new Salado("SHA-256", 32));

    static final int BCRYPT_BYTES = 72;
    /** PBKDF2 iterations accepted: fewer is no protection worth the name, more would let a registry stall every login. */
    static final int PBKDF2_MINIMO = 1_000;
    static final int PBKDF2_MAXIMO = 10_000_000;

    private final String nombre;
    private final Formato formato;

    Algoritmo(String nombre, Formato formato) {
        this.nombre = nombre;
        this.formato = formato;
    }

    /** The name as the registry writes it ({@code bcrypt}, {@code pbkdf2-sha256}…). */
    public String nombre() {
        return nombre;
    }

    /** The algorithm of this name, or a message that names the known ones. */
    public static Algoritmo de(String nombre) {
        String buscado = nombre == null ? "" : nombre.trim().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(a -> a.nombre.equals(buscado)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + nombre + "'; known: " + nombres()));
    }

    public static String nombres() {
        return Stream.of(values()).map(Algoritmo::nombre).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException saying what is wrong with the hash string for this algorithm */
    void validar(String hash) {
        formato.validar(hash);
    }

    /** Whether {@code clave} is the clave of {@code hash} (already {@linkplain #validar validated}), in constant time. */
    boolean coincide(String hash, String clave) {
        return formato.coincide(hash, clave);
    }

    /**
     * A hash of a random clave with the same work as {@code hash} (bcrypt's cost, PBKDF2's iterations and key length,
     * the salt's length): what a CUIL without a legacy entry is compared with, so that it costs what a legacy one does.
     */
    String ficticio(String hash, SecureRandom azar) {
        return formato.ficticio(hash, azar);
    }

    /**
     * What a comparison with {@code hash} costs, as a key: two hashes with the same key take the same work (bcrypt's
     * cost; PBKDF2's iterations and key length; a salted digest's function).
     */
    String trabajo(String hash) {
        return (nombre + " " + formato.trabajo(hash)).strip();
    }

    private static String aleatoria(SecureRandom azar) {
        byte[] bytes = new byte[12];
        azar.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** What each kind of hash string is and how it is checked. */
    private interface Formato {
        void validar(String hash);

        boolean coincide(String hash, String clave);

        String ficticio(String hash, SecureRandom azar);

        /** The parameters that set a comparison's work, as text ("" when the function alone does). */
        String trabajo(String hash);
    }

    private static final class Bcrypt implements Formato {
        private static final Pattern FORMATO = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

        @Override
        public void validar(String hash) {
            Matcher m = FORMATO.matcher(hash);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a bcrypt string ($2a$, $2b$ or $2y$, cost, 53 characters)");
            }
            int costo = Integer.parseInt(m.group(1));
            if (costo < 4 || costo > 31) {
                throw new IllegalArgumentException("bcrypt cost must be 4 to 31, not " + costo);
            }
        }

        @Override
        public boolean coincide(String hash, String clave) {
            if (clave.getBytes(StandardCharsets.UTF_8).length > BCRYPT_BYTES) {
                return false; // bcrypt reads 72 bytes at most; BouncyCastle refuses more, and no such clave was stored
            }
            return OpenBSDBCrypt.checkPassword(hash, clave.toCharArray());
        }

        @Override
        public String ficticio(String hash, SecureRandom azar) {
            byte[] salt = new byte[16];
            azar.nextBytes(salt);
            return OpenBSDBCrypt.generate(hash.substring(1, 3), aleatoria(azar).toCharArray(), salt, Integer.parseInt(hash.substring(4, 6)));
        }

        @Override
        public String trabajo(String hash) {
            return "cost " + hash.substring(4, 6);
        }
    }

    /** PBKDF2's string: iterations, salt and derived key, with one HMAC ({@code funcion}, a JDK SecretKeyFactory). */
    private record Pbkdf2(String funcion) implements Formato {

        private record Partes(int iteraciones, byte[] salt, byte[] clave) {
        }

        private static Partes leer(String hash) {
            String[] partes = hash.split("\\$", -1);
            if (partes.length != 3) {
                throw new IllegalArgumentException("PBKDF2 hash must be <iterations>$<salt, base64>$<key, base64>");
            }
            Partes leidas;
            try {
                leidas = new Partes(Integer.parseInt(partes[0]), Base64.getDecoder().decode(partes[1]), Base64.getDecoder().decode(partes[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PBKDF2 hash must be <iterations>$<salt, base64>$<key, base64>: " + e.getMessage());
            }
            if (leidas.iteraciones() < PBKDF2_MINIMO || leidas.iteraciones() > PBKDF2_MAXIMO) {
                throw new IllegalArgumentException("PBKDF2 iterations must be " + PBKDF2_MINIMO + " to " + PBKDF2_MAXIMO + ", not "
                        + leidas.iteraciones());
            }
            if (leidas.salt().length == 0 || leidas.clave().length < 16 || leidas.clave().length > 64) {
                throw new IllegalArgumentException("PBKDF2 salt must not be empty and the key must have 16 to 64 bytes");
            }
            return leidas;
        }

        @Override
        public void validar(String hash) {
            leer(hash);
        }

        @Override
        public boolean coincide(String hash, String texto) {
            Partes p = leer(hash);
            return MessageDigest.isEqual(derivar(texto, p.salt(), p.iteraciones(), p.clave().length), p.clave());
        }

        @Override
        public String ficticio(String hash, SecureRandom azar) {
            Partes p = leer(hash);
            byte[] otroSalt = new byte[p.salt().length];
            azar.nextBytes(otroSalt);
            return p.iteraciones() + "$" + Base64.getEncoder().encodeToString(otroSalt) + "$"
                    + Base64.getEncoder().encodeToString(derivar(aleatoria(azar), otroSalt, p.iteraciones(), p.clave().length));
        }

        @Override
        public String trabajo(String hash) {
            Partes p = leer(hash);
            return p.iteraciones() + " iterations " + p.clave().length + " bytes";
        }

        private byte[] derivar(String texto, byte[] salt, int iteraciones, int bytes) {
            char[] caracteres = texto.toCharArray();
            PBEKeySpec spec = new PBEKeySpec(caracteres, salt, iteraciones, bytes * 8);
            try {
                return SecretKeyFactory.getInstance(funcion).generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(funcion + " is not available in this JVM", e);
            } finally {
                spec.clearPassword();
                Arrays.fill(caracteres, '\0');
            }
        }
    }

    /** A salted digest ({@code funcion}, a JDK MessageDigest of {@code largo} bytes): salt and digest in hex. */
    private record Salado(String funcion, int largo) implements Formato {

        private byte[][] leer(String hash) {
            String[] partes = hash.split("\\$", -1);
            if (partes.length != 2) {
                throw new IllegalArgumentException("salted hash must be <salt, hex>$<digest, hex>");
            }
            byte[][] leidas;
            try {
                leidas = new byte[][] {HexFormat.of().parseHex(partes[0]), HexFormat.of().parseHex(partes[1])};
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("salted hash must be <salt, hex>$<digest, hex>: " + e.getMessage());
            }
            if (leidas[1].length != largo) {
                throw new IllegalArgumentException("the digest must have " + largo + " bytes, not " + leidas[1].length);
            }
            return leidas;
        }

        @Override
        public void validar(String hash) {
            leer(hash);
        }

        @Override
        public boolean coincide(String hash, String texto) {
            byte[][] partes = leer(hash);
            return MessageDigest.isEqual(resumir(partes[0], texto), partes[1]);
        }

        @Override
        public String ficticio(String hash, SecureRandom azar) {
            byte[] otroSalt = new byte[leer(hash)[0].length];
            azar.nextBytes(otroSalt);
            return HexFormat.of().formatHex(otroSalt) + "$" + HexFormat.of().formatHex(resumir(otroSalt, aleatoria(azar)));
        }

        @Override
        public String trabajo(String hash) {
            return "";
        }

        private byte[] resumir(byte[] salt, String texto) {
            try {
                MessageDigest md = MessageDigest.getInstance(funcion);
                md.update(salt);
                return md.digest(texto.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(funcion + " is not available in this JVM", e);
            }
        }
    }
}
