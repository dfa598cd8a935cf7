package ar.gob.anses.clavess.legadas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format against published vectors (so a bug of ours and of the library would both show), and its refusals. */
class AlgoritmoTest {

    private static final String B64_SALT = Base64.getEncoder().encodeToString("salt".getBytes());

    @DisplayName("given bcrypt's published vectors ($2a$, and the same hash as $2b$ and $2y$), then the right clave matches and a wrong one does not")
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // OpenWall's crypt_blowfish test vector; for ASCII claves the three prefixes give the same hash.
            "U*U|$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "U*U|$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "U*U|$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            // jBCrypt's test vectors
            "abc|$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
            "abcdefghijklmnopqrstuvwxyz|$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"})
    void bcrypt(String clave, String hash) {
        Algoritmo.BCRYPT.validar(hash);
        assertThat(Algoritmo.BCRYPT.coincide(hash, clave)).isTrue();
        assertThat(Algoritmo.BCRYPT.coincide(hash, clave + "x")).isFalse();
        assertThat(Algoritmo.BCRYPT.coincide(hash, clave.toUpperCase() + "1")).isFalse();
    }

    @DisplayName("given RFC 6070's PBKDF2-HMAC-SHA1 vector (password, salt, 4096 iterations), then it matches")
    @Test
    void pbkdf2Sha1() {
        String hash = "4096$" + B64_SALT + "$" + b64("4b007901b765489abead49d926f721d065a429c1");
        Algoritmo.PBKDF2_SHA1.validar(hash);
        assertThat(Algoritmo.PBKDF2_SHA1.coincide(hash, "password")).isTrue();
        assertThat(Algoritmo.PBKDF2_SHA1.coincide(hash, "Password")).isFalse();
        assertThat(Algoritmo.PBKDF2_SHA256.coincide(hash.replace("4096$", "4096$"), "password")).isFalse();
    }

    @DisplayName("given the published PBKDF2-HMAC-SHA256 vector (password, salt, 4096 iterations, 32 bytes), then it matches")
    @Test
    void pbkdf2Sha256() {
        String hash = "4096$" + B64_SALT + "$" + b64("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
        Algoritmo.PBKDF2_SHA256.validar(hash);
        assertThat(Algoritmo.PBKDF2_SHA256.coincide(hash, "password")).isTrue();
        assertThat(Algoritmo.PBKDF2_SHA256.coincide(hash, "passwore")).isFalse();
    }

    @DisplayName("given FIPS 180's \"abc\" vectors split as salt \"a\" and clave \"bc\", then salted SHA-1 and SHA-256 match")
    @Test
    void salados() {
        String sha1 = "61$a9993e364706816aba3e25717850c26c9cd0d89d";
        String sha256 = "61$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Algoritmo.SHA1.validar(sha1);
        Algoritmo.SHA256.validar(sha256);
        assertThat(Algoritmo.SHA1.coincide(sha1, "bc")).isTrue();
        assertThat(Algoritmo.SHA256.coincide(sha256, "bc")).isTrue();
        assertThat(Algoritmo.SHA1.coincide(sha1, "abc")).isFalse();
        assertThat(Algoritmo.SHA256.coincide(sha256, "b")).isFalse();
    }

    @DisplayName("given names as a registry may write them, then each is found; an unknown one is refused naming the known ones")
    @Test
    void nombres() {
        assertThat(Algoritmo.de("bcrypt")).isEqualTo(Algoritmo.BCRYPT);
        assertThat(Algoritmo.de(" PBKDF2-SHA256 ")).isEqualTo(Algoritmo.PBKDF2_SHA256);
        assertThat(Algoritmo.de("sha1")).isEqualTo(Algoritmo.SHA1);
        assertThatThrownBy(() -> Algoritmo.de("md5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown algorithm 'md5'").hasMessageContaining("bcrypt, pbkdf2-sha1, pbkdf2-sha256, sha1, sha256");
        assertThatThrownBy(() -> Algoritmo.de(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @DisplayName("given malformed hash strings, then each algorithm refuses them with a reason")
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bcrypt|$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW|not a bcrypt string",
            "bcrypt|$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe|not a bcrypt string",
            "bcrypt|$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW|cost must be 4 to 31",
            "pbkdf2-sha256|4096$c2FsdA==|iterations",
            "pbkdf2-sha256|10$c2FsdHNhbHQ=$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=|iterations must be",
            "pbkdf2-sha1|4096$$S0B5AbdlSJq+rUnZJvch0GWkKcE=|salt must not be empty",
            "pbkdf2-sha1|4096$c2FsdA==$c2FsdA==|key must have 16 to 64 bytes",
            "pbkdf2-sha1|4096$!!$S0B5AbdlSJq+rUnZJvch0GWkKcE=|base64",
            "sha256|61$a9993e364706816aba3e25717850c26c9cd0d89d|must have 32 bytes",
            "sha1|zz$a9993e364706816aba3e25717850c26c9cd0d89d|hex",
            "sha1|a9993e364706816aba3e25717850c26c9cd0d89d|<salt, hex>$<digest, hex>"})
    void malformados(String algoritmo, String hash, String motivo) {
        assertThatThrownBy(() -> Algoritmo.de(algoritmo).validar(hash)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(motivo);
    }

    @DisplayName("given a clave longer than bcrypt's 72 bytes, then it does not match instead of failing")
    @Test
    void bcryptLarga() {
        String hash = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
        assertThat(Algoritmo.BCRYPT.coincide(hash, "U*U" + "x".repeat(80))).isFalse();
    }

    @DisplayName("given a hash of each format, then its dummy has the same work (cost, iterations, key and salt length) and matches nothing")
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bcrypt|$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW|bcrypt cost 05",
            "pbkdf2-sha1|4096$c2FsdHNhbHQ=$S0B5AbdlSJq+rUnZJvch0GWkKcE=|pbkdf2-sha1 4096 iterations 20 bytes",
            "pbkdf2-sha256|4096$c2FsdHNhbHQ=$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=|pbkdf2-sha256 4096 iterations 32 bytes",
            "sha1|61$a9993e364706816aba3e25717850c26c9cd0d89d|sha1",
            "sha256|61$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad|sha256"})
    void ficticios(String nombre, String hash, String trabajo) {
        Algoritmo algoritmo = Algoritmo.de(nombre);
        String ficticio = algoritmo.ficticio(hash, new SecureRandom());
        algoritmo.validar(ficticio);
        assertThat(algoritmo.trabajo(hash)).isEqualTo(trabajo);
        assertThat(algoritmo.trabajo(ficticio)).isEqualTo(trabajo);
        assertThat(ficticio).isNotEqualTo(hash).hasSameSizeAs(hash);
        assertThat(algoritmo.coincide(ficticio, "U*U")).isFalse();
        assertThat(algoritmo.coincide(ficticio, "password")).isFalse();
    }

    private static String b64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
