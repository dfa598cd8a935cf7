package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.CargaPoblacion;
import ar.gob.anses.clavess.testsupport.ClusterDePrueba;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.PoblacionSintetica;
import ar.gob.anses.clavess.testsupport.Requisitos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a country's worth of accounts reads, by index (issue 35), in the database of a real Keycloak 26.7.3 on PostgreSQL
 * (the run's cluster, {@link ClusterDePrueba}): our changesets applied there by Keycloak itself, and the deployer's script
 * {@code deploy/postgres/eventos-admin-por-ruta.sql}. Each test writes a few thousand synthetic rows in a transaction of
 * its own, gathers the planner's statistics as autovacuum would (ANALYZE, inside the transaction), asks PostgreSQL for
 * the plan of the query a request or a scheduled task runs, and rolls everything back: the cluster's other classes never
 * see a row of it. Usernames {@code pobit…} and ids {@code pob-it-…} are nobody else's.
 */
@ExtendWith({Requisitos.Postgres.class, CorreoDePrueba.class, ClusterDePrueba.class})
class PoblacionIndicesPostgresIT {

    private static final int CUENTAS = 4000;
    private static final long DIA = 86_400_000L;
    private static final long AHORA = 1_800_000_000_000L;

    private Connection conexion;
    private String realmId;

    PoblacionIndicesPostgresIT(KeycloakCluster cluster) {
        // the parameter makes the run's cluster start (and Keycloak migrate its database) before the first test
    }

    @BeforeEach
    void conectar() throws SQLException {
        conexion = DriverManager.getConnection(ClusterDePrueba.urlBaseDeDatos(), Requisitos.POSTGRES_USER, "clavess");
        realmId = uno("SELECT id FROM realm WHERE name = 'anses'");
        conexion.setAutoCommit(false);
        sql("INSERT INTO user_entity (id, email, email_constraint, email_verified, enabled, realm_id, username, created_timestamp, not_before) "
                + "SELECT 'pob-it-' || g, 'pobit' || g || '@ejemplo.com.ar', 'pobit' || g || '@ejemplo.com.ar', true, true, '" + realmId
                + "', 'pobit' || lpad(g::text, 8, '0'), " + AHORA + " - g * 60000, 0 FROM generate_series(1, " + CUENTAS + ") g");
    }

    @AfterEach
    void deshacer() throws SQLException {
        if (conexion != null) {
            conexion.rollback();
            conexion.close();
        }
    }

    @DisplayName("given our changeset applied by Keycloak, then the activity page's office entries table and its two indexes exist")
    @Test
    void tablaDeActividad() throws SQLException {
        List<String> indices = filas("SELECT indexname FROM pg_indexes WHERE tablename = 'anses_actividad_oficina'");
        assertThat(indices).contains("idx_anses_act_oficina_usuario", "idx_anses_act_oficina_tiempo");
        assertThat(uno("SELECT count(*) FROM databasechangelog_anses_veri WHERE id = 'anses-actividad-oficina-1'")).isEqualTo("1");
    }

    @DisplayName("given 90 days of office actions over thousands of accounts, then one account's page reads them by "
            + "(user, time) and the hourly expiry deletes by time, neither reads the table")
    @Test
    void actividadDeOficinaPorCuenta() throws SQLException {
        sql("INSERT INTO anses_actividad_oficina (id, realm_id, user_id, tiempo, tipo, nivel_anterior, nivel_nuevo) "
                + "SELECT 'pob-it-o-' || g, '" + realmId + "', 'pob-it-' || (g % " + CUENTAS + " + 1), " + AHORA + " - (g % 90)::bigint * "
                + DIA + " - g, 'OFICINA_DATOS', 0, 0 FROM generate_series(1, " + 3 * CUENTAS + ") g");
        analizar("anses_actividad_oficina");
        assertThat(plan("SELECT * FROM anses_actividad_oficina WHERE realm_id = '" + realmId + "' AND user_id = 'pob-it-17' AND tiempo >= "
                + (AHORA - 90 * DIA) + " ORDER BY tiempo DESC, id LIMIT 200"))
                .contains("idx_anses_act_oficina_usuario").doesNotContain("Seq Scan");
        assertThat(plan("DELETE FROM anses_actividad_oficina WHERE tiempo < " + (AHORA - 89 * DIA - 1000)))
                .contains("idx_anses_act_oficina_tiempo").doesNotContain("Seq Scan");
    }

    @DisplayName("given thousands of accounts with their attributes, then the USI-07 code and the pending accounts of an "
            + "earlier version are found through Keycloak's own (name, value) index, IDX_USER_ATTRIBUTE_NAME")
    @Test
    void atributosPorIndice() throws SQLException {
        sql("INSERT INTO user_attribute (id, name, value, user_id) SELECT 'pob-it-c-' || g, 'codigoUsi07', 'PIT-' || g, 'pob-it-' || g "
                + "FROM generate_series(1, " + CUENTAS + ") g");
        sql("INSERT INTO user_attribute (id, name, value, user_id) SELECT 'pob-it-n-' || g, 'nivel', (2 + g % 5 / 4)::text, "
                + "'pob-it-' || g FROM generate_series(1, " + CUENTAS + ") g");
        sql("INSERT INTO user_attribute (id, name, value, user_id) SELECT 'pob-it-e-' || g, 'estadoClave', "
                + "CASE WHEN g % 1000 = 0 THEN 'PENDIENTE' ELSE 'HABILITADA' END, 'pob-it-' || g FROM generate_series(1, " + CUENTAS + ") g");
        analizar("user_entity", "user_attribute");
        for (String atributo : List.of("name = 'codigoUsi07' AND a.value = 'PIT-1234'", "name = 'estadoClave' AND a.value = 'PENDIENTE'")) {
            assertThat(plan("SELECT u.* FROM user_entity u JOIN user_attribute a ON a.user_id = u.id WHERE u.realm_id = '" + realmId
                    + "' AND a." + atributo)).as(atributo).contains("idx_user_attribute_name").doesNotContain("Seq Scan on user_attribute");
        }
    }

    @DisplayName("given 90 days of login events of thousands of accounts, then one account's page reads its own by "
            + "Keycloak's (user, type, time) index, and Keycloak's expiry by (realm, time)")
    @Test
    void eventosPorIndice() throws SQLException {
        sql("INSERT INTO event_entity (id, realm_id, user_id, type, event_time, client_id, ip_address) SELECT 'pob-it-v-' || g, '"
                + realmId + "', 'pob-it-' || (g % " + CUENTAS + " + 1), CASE WHEN g % 2 = 0 THEN 'LOGIN' ELSE 'CODE_TO_TOKEN' END, "
                + AHORA + " - (g % 90)::bigint * " + DIA + " - g, 'mi-anses', '181.23.4.5' FROM generate_series(1, " + 5 * CUENTAS + ") g");
        analizar("event_entity");
        assertThat(plan("SELECT * FROM event_entity WHERE realm_id = '" + realmId + "' AND user_id = 'pob-it-17' AND type IN ('LOGIN', "
                + "'LOGIN_ERROR', 'UPDATE_CREDENTIAL', 'UPDATE_EMAIL', 'LOGOUT') AND event_time >= " + (AHORA - 90 * DIA)
                + " ORDER BY event_time DESC LIMIT 400")).contains("idx_event_entity_user_id_type").doesNotContain("Seq Scan");
        assertThat(plan("SELECT id FROM event_entity WHERE realm_id = '" + realmId + "' AND event_time < " + (AHORA - 89 * DIA - 1000)
                + " ORDER BY event_time LIMIT 1000")).contains("idx_event_time").doesNotContain("Seq Scan");
    }

    @DisplayName("given a grown outbox and thousands of pending requests, then the sender's due notices, a code, a CUIL and "
            + "the expired requests are each read by their own index")
    @Test
    void tareasPorIndice() throws SQLException {
        sql("INSERT INTO anses_aviso (id, realm_id, user_id, tipo, nivel_anterior, nivel_nuevo, cuando, por_oficina, intentos, "
                + "proximo_intento, creado) SELECT 'pob-it-b-' || g, '" + realmId + "', 'pob-it-' || g, 'CLAVE_CAMBIADA', 0, 0, " + AHORA
                + ", false, 1, " + AHORA + " + g * 1000, " + AHORA + " FROM generate_series(1, " + CUENTAS + ") g");
        sql("INSERT INTO anses_solicitud_pendiente (id, realm_id, cuil, clave_secreto, clave_datos, email, codigo_usi07, creada, "
                + "intentos_fallidos) SELECT 'pob-it-s-' || g, '" + realmId + "', lpad((20900000000 + g)::text, 11, '0'), '{}', '{}', "
                + "'pobit' || g || '@ejemplo.com.ar', 'PIT-S-' || g, " + AHORA + " - (g % 90)::bigint * " + DIA + ", 0 FROM generate_series(1, "
                + CUENTAS + ") g");
        analizar("anses_aviso", "anses_solicitud_pendiente");
        assertThat(plan("SELECT id FROM anses_aviso WHERE proximo_intento <= " + (AHORA + 10_000) + " ORDER BY proximo_intento, id LIMIT 50"))
                .contains("idx_anses_aviso_proximo").doesNotContain("Seq Scan");
        String solicitudes = "SELECT * FROM anses_solicitud_pendiente WHERE realm_id = '" + realmId + "' AND ";
        assertThat(plan(solicitudes + "codigo_usi07 = 'PIT-S-77'")).contains("idx_anses_solicitud_codigo").doesNotContain("Seq Scan");
        assertThat(plan(solicitudes + "cuil = '20900000077' ORDER BY creada")).contains("idx_anses_solicitud_cuil").doesNotContain("Seq Scan");
        assertThat(plan(solicitudes + "creada <= " + (AHORA - 89 * DIA - 1000))).contains("idx_anses_solicitud_creada")
                .doesNotContain("Seq Scan");
    }

    @DisplayName("given the deployer's script run twice on Keycloak's database, then a search of admin events by an "
            + "account's resource path reads that account's events by the new index, where Keycloak's own reads the realm's")
    @Test
    void scriptDelDesplegador() throws SQLException, IOException {
        String script = Files.readString(Path.of("../deploy/postgres/eventos-admin-por-ruta.sql"));
        conexion.rollback();
        conexion.setAutoCommit(true); // CREATE INDEX CONCURRENTLY runs outside a transaction, as psql runs the file
        sql(script);
        sql(script);
        conexion.setAutoCommit(false);
        sql("INSERT INTO admin_event_entity (id, admin_event_time, realm_id, operation_type, resource_path, resource_type) "
                + "SELECT 'pob-it-x-' || g, " + AHORA + " - (g % 90)::bigint * " + DIA + " - g, '" + realmId + "', 'UPDATE', "
                + "'users/pob-it-' || (g % " + CUENTAS + " + 1), 'USER' FROM generate_series(1, " + 3 * CUENTAS + ") g");
        analizar("admin_event_entity");
        assertThat(plan("SELECT * FROM admin_event_entity WHERE realm_id = '" + realmId + "' AND resource_path LIKE 'users/pob-it-17' "
                + "AND admin_event_time >= " + (AHORA - 90 * DIA) + " ORDER BY admin_event_time DESC LIMIT 100"))
                .contains("idx_anses_admin_event_ruta").doesNotContain("Seq Scan");
    }

    @DisplayName("given the benchmark's loader, then its accounts, events and office actions fit Keycloak's real schema and "
            + "ours (every column, type and constraint), and an account is found by its CUIL and by its USI-07 code")
    @Test
    void cargaSintetica() throws SQLException {
        PoblacionSintetica.Plantilla plantilla = new PoblacionSintetica.Plantilla(realmId,
                uno("SELECT id FROM keycloak_role WHERE realm_id = '" + realmId + "' AND name = 'default-roles-anses'"),
                "{\"value\":\"c2ludGV0aWNv\",\"salt\":\"c2FsdA==\",\"additionalParameters\":{}}", "{\"algorithm\":\"argon2\"}",
                "pob-it-1", AHORA);
        Map<String, Long> filas = new CargaPoblacion(conexion).cargar(plantilla, 0, 2_000);
        assertThat(filas.get("user_entity")).isEqualTo(2_000L);
        String cuenta = "SELECT count(*) FROM user_entity u JOIN credential c ON c.user_id = u.id JOIN user_role_mapping r ON r.user_id = u.id "
                + "WHERE u.realm_id = '" + realmId + "' AND c.type = 'password' AND ";
        assertThat(uno(cuenta + "u.username = '" + PoblacionSintetica.cuil(1234) + "'")).isEqualTo("1");
        assertThat(uno(cuenta + "u.id = (SELECT user_id FROM user_attribute WHERE name = 'codigoUsi07' AND value = '"
                + PoblacionSintetica.codigoUsi07(1234) + "')")).isEqualTo("1");
        assertThat(Long.parseLong(uno("SELECT count(*) FROM event_entity WHERE user_id LIKE '00000000-0000-4000-8000-%'")))
                .isEqualTo(filas.get("event_entity"));
        assertThat(Long.parseLong(uno("SELECT count(*) FROM anses_actividad_oficina WHERE user_id LIKE '00000000-0000-4000-8000-%'")))
                .isEqualTo(filas.get("anses_actividad_oficina"));
    }

    private void analizar(String... tablas) throws SQLException {
        for (String tabla : tablas) {
            sql("ANALYZE " + tabla);
        }
    }

    private String plan(String consulta) throws SQLException {
        return String.join("\n", filas("EXPLAIN " + consulta));
    }

    private void sql(String sentencia) throws SQLException {
        try (Statement s = conexion.createStatement()) {
            s.execute(sentencia);
        }
    }

    private String uno(String consulta) throws SQLException {
        return filas(consulta).get(0);
    }

    private List<String> filas(String consulta) throws SQLException {
        List<String> filas = new ArrayList<>();
        try (Statement s = conexion.createStatement(); ResultSet r = s.executeQuery(consulta)) {
            while (r.next()) {
                filas.add(r.getString(1));
            }
        }
        return filas;
    }
}
