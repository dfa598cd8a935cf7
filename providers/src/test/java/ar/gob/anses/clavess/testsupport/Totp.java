package ar.gob.anses.clavess.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TOTP app, as the citizen's phone runs one (RFC 6238: HMAC-SHA1, 6 digits, 30 s, the realm's OTP policy): it is
 * given the key the set-up page shows for manual entry (base32) and computes the codes from the clock. Keycloak
 * accepts the step before and after the current one and refuses a code used before, so each code it gives is of a
 * later step than the last one: up to three codes in the same 30 s, without waiting.
 *
 * <p>Staff (the realm role anses-exige-segundo-factor, which anses-oficina and anses-linea-130 include) always log in
 * with a code: the staff accounts the tests create ({@link AdminApi#crearPersonal}) and the demo staff
 * (realm-export/anses-users-0.json, README) carry a TOTP app with the one known key {@link #CLAVE_PERSONAL}, and each
 * account's app is {@link #delPersonal}, one for the run, so that two logins of one account never type the same code.
 */
public final class Totp {

    /** The key (base32, as the set-up page shows it) of the staff's TOTP app: the demo staff's and the tests' staff's. */
    public static final String CLAVE_PERSONAL = "IFXHGZLTKBSXE43PNZQWYRDFNVXTAMZU";
    /**
     * The same key as Keycloak stores it (its secretData's value, whose UTF-8 bytes are the key, as its own set-up keeps
     * the secret it generates): {@link #CLAVE_PERSONAL} is its base32.
     */
    public static final String SECRETO_PERSONAL = "AnsesPersonalDemo034";

    private static final Map<String, Totp> PERSONAL = new ConcurrentHashMap<>();

    private static final int PERIODO = 30;
    // Longer than a code takes to reach Keycloak from the test, on a loaded machine too (two test runs on two cores: 3 s
    // was seen to fall short for a code of the previous step).
    private static final int MARGEN_SEGUNDOS = 10;

    private final byte[] key;
    private long ultimoPaso = Long.MIN_VALUE;

    public Totp(String base32) {
        this.key = base32(base32);
    }

    /**
     * The TOTP app of a staff account ({@link #CLAVE_PERSONAL}), the same one for the whole run whoever logs her in
     * (the admin API, a browser test): Keycloak refuses a code it accepted before for that account, and this app never
     * gives one twice. Up to three logins of one account within 30 s; more need another account.
     */
    public static Totp delPersonal(String cuil) {
        return PERSONAL.computeIfAbsent(cuil, c -> new Totp(CLAVE_PERSONAL));
    }

    /**
     * The code of the earliest step Keycloak still accepts that this app has not used yet. In the last seconds of a step
     * not the previous one: the request may reach Keycloak in the next step, which no longer accepts it.
     */
    public synchronized String siguiente() {
        long segundo = System.currentTimeMillis() / 1000;
        long ahora = segundo / PERIODO;
        long paso = Math.max(ultimoPaso + 1, segundo % PERIODO < PERIODO - MARGEN_SEGUNDOS ? ahora - 1 : ahora);
        if (paso > ahora + 1) {
            throw new IllegalStateException("more than three codes within one 30-second step: log in another account");
        }
        ultimoPaso = paso;
        return codigo(paso);
    }

    /** A code Keycloak refuses: one of a step far away from now. */
    public String deOtraHora() {
        return codigo(System.currentTimeMillis() / 1000 / PERIODO - 240);
    }

    private String codigo(long paso) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(paso).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binario = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binario % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String texto) {
        String alfabeto = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : texto.replaceAll("[\\s=]", "").toUpperCase().toCharArray()) {
            int valor = alfabeto.indexOf(c);
            if (valor < 0) {
                throw new IllegalArgumentException("not base32: " + texto);
            }
            buffer = (buffer << 5) | valor;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
