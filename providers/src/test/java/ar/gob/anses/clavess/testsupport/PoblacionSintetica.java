package ar.gob.anses.clavess.testsupport;

import ar.gob.anses.clavess.cuenta.CodigoVerificacion;
import ar.gob.anses.clavess.cuenta.Cuil;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A synthetic population of Clave SS accounts as rows of Keycloak's own tables (issue 35), the i-th account always the
 * same, written as PostgreSQL COPY text ({@link CargaPoblacion} loads it). An account is what the product makes of a
 * citizen: the user (username = CUIL, padrón name, an email for most), its attributes ({@code dni}, {@code birthdate},
 * {@code nivel}, {@code estadoClave}, {@code codigoUsi07}, {@code politicasVersion}), its clave as an Argon2 credential, the
 * realm's default roles, a TOTP second factor for some; and 90 days of what a live realm stores about it: login events,
 * failed attempts, office actions (Keycloak's admin event and our activity row). The shares and rates are constants here
 * and are stated in docs/benchmarks.md.
 *
 * <p>Every account's clave is the same Argon2 hash string ({@link Plantilla#claveSecreto}): one hash made by Keycloak for
 * one real account, copied, so that every synthetic account logs in with the same clave and the load costs no hashing.
 * A login verifies it as it would any other (the hash's cost does not depend on the salt being shared).
 */
public final class PoblacionSintetica {

    /** Accounts' DNIs are 30 000 000 + i: apart from the demo data, the padrón's synthetic citizens and CuilsDePrueba. */
    public static final long PRIMER_DNI = 30_000_000L;
    public static final int DIAS = 90;
    public static final long DIA_MS = 86_400_000L;
    /** Level 3 (identity checked at an office): 15 % of accounts. */
    public static final int NIVEL_3_POR_MIL = 150;
    /** An email address (verified): 70 %; Crear clave does not ask for one. */
    public static final int CORREO_POR_MIL = 700;
    /** A TOTP second factor: 5 %. */
    public static final int SEGUNDO_FACTOR_POR_MIL = 50;
    /** Logins in 90 days: 0 to 6, uniform (3 on average, about one a month, as people check a monthly payment). */
    public static final int INGRESOS_MAXIMOS = 6;
    /** A wrong clave in the 90 days: 10 % of accounts. */
    public static final int FALLO_POR_MIL = 100;
    /** An office action on the account in the 90 days: 2 % (a level raised, data corrected, an unlock). */
    public static final int OFICINA_POR_MIL = 20;

    /** The tables written, in load order, with the columns of their COPY lines. */
    public static final Map<String, String> COLUMNAS = columnas();

    private static final String[] NOMBRES = {"Lucía", "Sofía", "Valentina", "Camila", "Martina", "Santiago", "Tomás",
            "Facundo", "Nicolás", "Joaquín", "Florencia", "Ignacio", "Julieta", "Matías", "Agustina", "Gonzalo"};
    private static final String[] APELLIDOS = {"González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez",
            "Pérez", "García", "Sánchez", "Romero", "Sosa", "Álvarez", "Torres", "Ruiz", "Ramírez", "Flores", "Benítez"};

    /**
     * What every account shares: the realm, its default roles' composite, the clave's credential as Keycloak stored it
     * for one account ({@code CREDENTIAL.SECRET_DATA} and {@code CREDENTIAL_DATA}), the office staff member whose actions
     * are recorded, and now (epoch ms): the 90 days end there.
     */
    public record Plantilla(String realmId, String rolPorDefectoId, String claveSecreto, String claveDatos, String oficinistaId,
                            long ahora) {
    }

    private PoblacionSintetica() {
    }

    private static Map<String, String> columnas() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("user_entity", "id, email, email_constraint, email_verified, enabled, realm_id, username, first_name, last_name, "
                + "created_timestamp, not_before");
        c.put("user_attribute", "id, name, value, user_id");
        c.put("credential", "id, type, user_id, created_date, secret_data, credential_data, priority, version");
        c.put("user_role_mapping", "role_id, user_id");
        c.put("event_entity", "id, client_id, details_json, ip_address, realm_id, session_id, event_time, type, user_id, error");
        c.put("admin_event_entity", "id, admin_event_time, realm_id, operation_type, auth_realm_id, auth_client_id, auth_user_id, "
                + "ip_address, resource_path, representation, resource_type");
        c.put("anses_actividad_oficina", "id, realm_id, user_id, tiempo, tipo, nivel_anterior, nivel_nuevo");
        return Collections.unmodifiableMap(c);
    }

    /** The COPY text of a batch of accounts, one buffer per table. */
    public static final class Lote {
        private final Map<String, StringBuilder> tablas = new LinkedHashMap<>();
        private final Map<String, Long> filas = new LinkedHashMap<>();

        public Lote() {
            COLUMNAS.keySet().forEach(t -> {
                tablas.put(t, new StringBuilder());
                filas.put(t, 0L);
            });
        }

        /** One row: the values in {@link #COLUMNAS}' order, null as COPY's {@code \N}. */
        void fila(String tabla, Object... valores) {
            StringBuilder linea = tablas.get(tabla);
            for (int v = 0; v < valores.length; v++) {
                if (v > 0) {
                    linea.append('\t');
                }
                escapar(linea, valores[v]);
            }
            linea.append('\n');
            filas.merge(tabla, 1L, Long::sum);
        }

        public String texto(String tabla) {
            return tablas.get(tabla).toString();
        }

        public long filas(String tabla) {
            return filas.get(tabla);
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; null as {@code \N}. */
    static void escapar(StringBuilder linea, Object valor) {
        if (valor == null) {
            linea.append("\\N");
            return;
        }
        String texto = String.valueOf(valor);
        for (int c = 0; c < texto.length(); c++) {
            char ch = texto.charAt(c);
            switch (ch) {
                case '\\' -> linea.append("\\\\");
                case '\t' -> linea.append("\\t");
                case '\n' -> linea.append("\\n");
                case '\r' -> linea.append("\\r");
                default -> linea.append(ch);
            }
        }
    }

    /** The i-th account's user id (a UUID's shape, never a real one's). */
    public static String userId(long i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    /** The i-th account's CUIL: DNI {@link #PRIMER_DNI} + i with prefix 20 or 27 (23 when its check digit would be 10). */
    public static String cuil(long i) {
        String dni = String.valueOf(PRIMER_DNI + i);
        for (String prefijo : (i & 1) == 0 ? new String[] {"20", "23"} : new String[] {"27", "23"}) {
            int digito = Cuil.digitoVerificador(prefijo + dni);
            if (digito >= 0) { // -1: this prefix would need a check digit of 10
                return prefijo + dni + digito;
            }
        }
        throw new IllegalStateException("no CUIL for DNI " + dni);
    }

    public static int nivel(long i) {
        return mezcla(i, 1) % 1000 < NIVEL_3_POR_MIL ? 3 : 2;
    }

    public static boolean conCorreo(long i) {
        return mezcla(i, 2) % 1000 < CORREO_POR_MIL;
    }

    public static boolean conSegundoFactor(long i) {
        return mezcla(i, 3) % 1000 < SEGUNDO_FACTOR_POR_MIL;
    }

    public static boolean conOficina(long i) {
        return mezcla(i, 4) % 1000 < OFICINA_POR_MIL;
    }

    /** Logins of the i-th account in the 90 days. */
    public static int ingresos(long i) {
        return (int) (mezcla(i, 5) % (INGRESOS_MAXIMOS + 1));
    }

    /** The i-th account's current Formulario USI-07 code, in canonical form (as {@link CodigoVerificacion#leer} gives it). */
    public static String codigoUsi07(long i) {
        StringBuilder simbolos = new StringBuilder(CodigoVerificacion.SIMBOLOS);
        long h = mezcla(i, 6);
        long g = mezcla(i, 7);
        for (int s = 0; s < CodigoVerificacion.SIMBOLOS; s++) {
            long fuente = s < 12 / 2 ? h >>> (s * 5) : g >>> ((s - 6) * 5);
            simbolos.append(CodigoVerificacion.ALFABETO.charAt((int) (fuente & 31)));
        }
        return CodigoVerificacion.leer(simbolos.toString()).orElseThrow();
    }

    /** Writes the i-th account's rows, and its 90 days of events, into the batch. */
    public static void cuenta(long i, Plantilla p, Lote lote) {
        String id = userId(i);
        String cuil = cuil(i);
        String correo = conCorreo(i) ? "c" + cuil + "@correo.example" : null;
        long creada = p.ahora() - (DIAS + mezcla(i, 8) % 3000) * DIA_MS;
        lote.fila("user_entity", id, correo, correo == null ? id : correo, correo != null, true, p.realmId(), cuil,
                NOMBRES[(int) (mezcla(i, 9) % NOMBRES.length)], APELLIDOS[(int) (mezcla(i, 10) % APELLIDOS.length)], creada, 0);
        atributo(lote, id, 1, "dni", String.valueOf(PRIMER_DNI + i));
        atributo(lote, id, 2, "birthdate", LocalDate.of(1940, 1, 1).plusDays(mezcla(i, 11) % (365L * 66)).toString());
        atributo(lote, id, 3, "nivel", String.valueOf(nivel(i)));
        atributo(lote, id, 4, "estadoClave", "HABILITADA");
        atributo(lote, id, 5, "codigoUsi07", codigoUsi07(i));
        atributo(lote, id, 6, "politicasVersion", "2026-11");
        lote.fila("credential", id.substring(0, 19) + "a" + id.substring(20), "password", id, creada, p.claveSecreto(), p.claveDatos(), 10, 0);
        if (conSegundoFactor(i)) {
            lote.fila("credential", id.substring(0, 19) + "b" + id.substring(20), "otp", id, creada + DIA_MS,
                    "{\"value\":\"" + codigoUsi07(i).replace("-", "") + "ABCDEFGH\"}",
                    "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}", 20, 0);
        }
        lote.fila("user_role_mapping", p.rolPorDefectoId(), id);
        eventos(i, id, cuil, p, lote);
    }

    private static void atributo(Lote lote, String userId, int n, String nombre, String valor) {
        lote.fila("user_attribute", userId.substring(0, 19) + n + userId.substring(20), nombre, valor, userId);
    }

    /** Logins (LOGIN and CODE_TO_TOKEN each), a failed attempt for some, an office action for a few: all in the 90 days. */
    private static void eventos(long i, String id, String cuil, Plantilla p, Lote lote) {
        long ventana = DIAS * DIA_MS;
        String ip = "181." + (mezcla(i, 12) % 256) + "." + (mezcla(i, 13) % 256) + "." + (mezcla(i, 14) % 256);
        for (int k = 0; k < ingresos(i); k++) {
            long cuando = p.ahora() - 1 - mezcla(i, 20 + k) % ventana;
            String sesion = evento(i, k, 's');
            lote.fila("event_entity", evento(i, k, 'l'), "mi-anses", "{\"auth_method\":\"openid-connect\",\"auth_type\":\"code\","
                            + "\"redirect_uri\":\"https://mi.anses.gob.ar/\",\"code_id\":\"" + sesion + "\",\"username\":\"" + cuil + "\"}",
                    ip, p.realmId(), sesion, cuando, "LOGIN", id, null);
            lote.fila("event_entity", evento(i, k, 't'), "mi-anses", "{\"token_id\":\"" + evento(i, k, 'k') + "\",\"grant_type\":"
                    + "\"authorization_code\",\"code_id\":\"" + sesion + "\"}", ip, p.realmId(), sesion, cuando + 300, "CODE_TO_TOKEN", id, null);
        }
        if (mezcla(i, 15) % 1000 < FALLO_POR_MIL) {
            lote.fila("event_entity", evento(i, 9, 'f'), "mi-anses", "{\"auth_method\":\"openid-connect\",\"username\":\"" + cuil + "\"}",
                    ip, p.realmId(), null, p.ahora() - 1 - mezcla(i, 16) % ventana, "LOGIN_ERROR", id, "invalid_user_credentials");
        }
        if (conOficina(i)) {
            long cuando = p.ahora() - 1 - mezcla(i, 17) % ventana;
            String evento = evento(i, 9, 'o');
            lote.fila("admin_event_entity", evento, cuando, p.realmId(), "UPDATE", p.realmId(), "security-admin-console",
                    p.oficinistaId(), "10.20.30.40", "users/" + id, "{\"id\":\"" + id + "\",\"username\":\"" + cuil + "\",\"enabled\":true,"
                            + "\"emailVerified\":" + (conCorreo(i) ? "true" : "false") + ",\"attributes\":{\"nivel\":[\"" + nivel(i)
                            + "\"],\"estadoClave\":[\"HABILITADA\"]}}", "USER");
            lote.fila("anses_actividad_oficina", evento, p.realmId(), id, cuando, "OFICINA_DATOS", 0, 0);
        }
    }

    /** An id for the k-th event of kind {@code tipo} of the i-th account (a UUID's shape). */
    private static String evento(long i, int k, char tipo) {
        return String.format("%08x-%04x-4%03x-8000-%012d", (int) tipo, k, 0, i);
    }

    /** SplitMix64 of (i, field): independent, repeatable draws per account and field. */
    static long mezcla(long i, int campo) {
        long z = i * 0x9E3779B97F4A7C15L + campo * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
