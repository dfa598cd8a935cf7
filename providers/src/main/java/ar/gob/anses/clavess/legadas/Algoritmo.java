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
    BCRYPT("bcrypt") {
        private final Pattern formato = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

        @Override
        void validar(String hash) {
            Matcher m = formato.matcher(hash);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a bcrypt string ($2a$, $2b$ or $2y$, cost, 53 characters)");
            }
            int costo = Integer.parseInt(m.group(1));
            if (costo < 4 || costo > 31) {
                throw new IllegalArgumentException("bcrypt cost must be 4 to 31, not " + costo);
            }
        }

        @Override
        boolean coincide(String hash, String clave) {
            if (clave.getBytes(StandardCharsets.UTF_8).length > BCRYPT_BYTES) {
                return false; // bcrypt reads 72 bytes at most; BouncyCastle refuses more, and no such clave was stored
            }
            return OpenBSDBCrypt.checkPassword(hash, clave.toCharArray());
        }

        @Override
        String ficticio(String hash, SecureRandom azar) {
            byte[] salt = new byte[16];
            azar.nextBytes(salt);
            return OpenBSDBCrypt.generate(hash.substring(1, 3), aleatoria(azar).toCharArray(), salt,
                    Integer.parseInt(hash.substring(4, 6)));
        }
    },
    /** {@code <iterations>$<salt, base64>$<derived key, base64>}, HMAC-SHA1; the key length is the derived key's. */
    PBKDF2_SHA1("pbkdf2-sha1") {
        @Override
        void validar(String hash) {
            Pbkdf2.leer(hash);
        }

        @Override
        boolean coincide(String hash, String clave) {
            return Pbkdf2.leer(hash).coincide("PBKDF2WithHmacSHA1", clave);
        }

        @Override
        String ficticio(String hash, SecureRandom azar) {
            return Pbkdf2.leer(hash).ficticio("PBKDF2WithHmacSHA1", azar);
        }
    },
    /** As {@link #PBKDF2_SHA1}, HMAC-SHA256. */
    PBKDF2_SHA256("pbkdf2-sha256") {
        @Override
        void validar(String hash) {
            Pbkdf2.leer(hash);
        }

        @Override
        boolean coincide(String hash, String clave) {
            return Pbkdf2.leer(hash).coincide("PBKDF2WithHmacSHA256", clave);
        }

        @Override
        String ficticio(String hash, SecureRandom azar) {
            return Pbkdf2.leer(hash).ficticio("PBKDF2WithHmacSHA256", azar);
        }
    },
    /** {@code <salt, hex>$<hex SHA-1 of the salt's bytes followed by the clave's UTF-8 bytes>}. */
    SHA1("sha1") {
        @Override
        void validar(String hash) {
            Salado.leer(hash, 20);
        }

        @Override
        boolean coincide(String hash, String clave) {
            return Salado.leer(hash, 20).coincide("SHA-1", clave);
        }

        @Override
        String ficticio(String hash, SecureRandom azar) {
            return Salado.leer(hash, 20).ficticio("SHA-1", azar);
        }
    },
    /** As {@link #SHA1}, SHA-256. */
    SHA256("sha256") {
        @Override
        void validar(String hash) {
            Salado.leer(hash, 32);
        }

        @Override
        boolean coincide(String hash, String clave) {
            return Salado.leer(hash, 32).coincide("SHA-256", clave);
        }

        @Override
        String ficticio(String hash, SecureRandom azar) {
            return Salado.leer(hash, 32).ficticio("SHA-256", azar);
        }
    };

    static final int BCRYPT_BYTES = 72;
    /** PBKDF2 iterations accepted: fewer is no protection worth the name, more would let a registry stall every login. */
    static final int PBKDF2_MINIMO = 1_000;
    static final int PBKDF2_MAXIMO = 10_000_000;

    private final String nombre;

    Algoritmo(String nombre) {
        this.nombre = nombre;
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
    abstract void validar(String hash);

    /** Whether {@code clave} is the clave of {@code hash} (already {@linkplain #validar validated}), in constant time. */
    abstract boolean coincide(String hash, String clave);

    /**
     * A hash of a random clave with the same work as {@code hash} (bcrypt's cost, PBKDF2's iterations and key length,
     * the salt's length): what a CUIL without a legacy entry is compared with, so that it costs what a legacy one does.
     */
    abstract String ficticio(String hash, SecureRandom azar);

    /**
     * What a comparison with {@code hash} costs, as a key: two hashes with the same key take the same work (bcrypt's
     * cost; PBKDF2's iterations and key length; a salted digest's function).
     */
    String trabajo(String hash) {
        return switch (this) {
            case BCRYPT -> nombre + " cost " + hash.substring(4, 6);
            case PBKDF2_SHA1, PBKDF2_SHA256 -> {
                Pbkdf2 pbkdf2 = Pbkdf2.leer(hash);
                yield nombre + " " + pbkdf2.iteraciones() + " iterations " + pbkdf2.clave().length + " bytes";
            }
            case SHA1, SHA256 -> nombre;
        };
    }

    private static String aleatoria(SecureRandom azar) {
        byte[] bytes = new byte[12];
        azar.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** PBKDF2's string: iterations, salt and derived key. */
    private record Pbkdf2(int iteraciones, byte[] salt, byte[] clave) {

        static Pbkdf2 leer(String hash) {
            String[] partes = hash.split("\\$", -1);
            if (partes.length != 3) {
                throw new IllegalArgumentException("PBKDF2 hash must be <iterations>$<salt, base64>$<key, base64>");
            }
            int iteraciones;
            byte[] salt;
            byte[] clave;
            try {
                iteraciones = Integer.parseInt(partes[0]);
                salt = Base64.getDecoder().decode(partes[1]);
                clave = Base64.getDecoder().decode(partes[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PBKDF2 hash must be <iterations>$<salt, base64>$<key, base64>: " + e.getMessage());
            }
            if (iteraciones < PBKDF2_MINIMO || iteraciones > PBKDF2_MAXIMO) {
                throw new IllegalArgumentException("PBKDF2 iterations must be " + PBKDF2_MINIMO + " to " + PBKDF2_MAXIMO + ", not " + iteraciones);
            }
            if (salt.length == 0 || clave.length < 16 || clave.length > 64) {
                throw new IllegalArgumentException("PBKDF2 salt must not be empty and the key must have 16 to 64 bytes");
            }
            return new Pbkdf2(iteraciones, salt, clave);
        }

        boolean coincide(String funcion, String texto) {
            return MessageDigest.isEqual(derivar(funcion, texto, salt), clave);
        }

        String ficticio(String funcion, SecureRandom azar) {
            byte[] otroSalt = new byte[salt.length];
            azar.nextBytes(otroSalt);
            return iteraciones + "$" + Base64.getEncoder().encodeToString(otroSalt) + "$"
                    + Base64.getEncoder().encodeToString(derivar(funcion, aleatoria(azar), otroSalt));
        }

        private byte[] derivar(String funcion, String texto, byte[] conSalt) {
            char[] caracteres = texto.toCharArray();
            PBEKeySpec spec = new PBEKeySpec(caracteres, conSalt, iteraciones, clave.length * 8);
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

    /** A salted digest: salt and digest in hex. */
    private record Salado(byte[] salt, byte[] digest) {

        static Salado leer(String hash, int largo) {
            String[] partes = hash.split("\\$", -1);
            if (partes.length != 2) {
                throw new IllegalArgumentException("salted hash must be <salt, hex>$<digest, hex>");
            }
            byte[] salt;
            byte[] digest;
            try {
                salt = HexFormat.of().parseHex(partes[0]);
                digest = HexFormat.of().parseHex(partes[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("salted hash must be <salt, hex>$<digest, hex>: " + e.getMessage());
            }
            if (digest.length != largo) {
                throw new IllegalArgumentException("the digest must have " + largo + " bytes, not " + digest.length);
            }
            return new Salado(salt, digest);
        }

        boolean coincide(String funcion, String texto) {
            return MessageDigest.isEqual(resumir(funcion, salt, texto), digest);
        }

        String ficticio(String funcion, SecureRandom azar) {
            byte[] otroSalt = new byte[salt.length];
            azar.nextBytes(otroSalt);
            return HexFormat.of().formatHex(otroSalt) + "$" + HexFormat.of().formatHex(resumir(funcion, otroSalt, aleatoria(azar)));
        }

        private static byte[] resumir(String funcion, byte[] salt, String texto) {
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
