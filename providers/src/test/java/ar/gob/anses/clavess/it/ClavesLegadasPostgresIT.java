package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.ClavesLegadasJdbc;
import ar.gob.anses.clavess.testsupport.ClusterDePrueba;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.EnParalelo;
import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import org.htmlunit.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jdbc legacy registry on PostgreSQL, as the run's two-node cluster reads it ({@link ClusterDePrueba#ESQUEMA_LEGADAS}:
 * the table of {@code legadas/schema.sql}, which this class fills with its own three citizens): a first login on one node
 * migrates and the other node knows the account; two first logins of one CUIL at once, on A and on B, make one account;
 * a registry that does not answer (its table locked past the lookup's 2 s timeout) says the system is busy to every wrong
 * clave alike (a CUIL with an account, or without: the answer tells them apart never), counts the failure, makes nothing,
 * while citizens with an account and their right clave log in as ever.
 */
@ExtendWith({Requisitos.Postgres.class, CorreoDePrueba.class, ClusterDePrueba.class})
class ClavesLegadasPostgresIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final int A = ClusterDePrueba.A;
    private static final int B = ClusterDePrueba.B;
    private static final String LORENA = "27446000115";
    private static final String NICOLAS = "20446000129";
    private static final String OLGA = "27446000131";

    private static KeycloakCluster cluster;

    @BeforeAll
    static void cargar(KeycloakCluster deLaCorrida) throws SQLException {
        cluster = deLaCorrida;
        try (Connection conexion = ClavesLegadasJdbc.conectar(ClusterDePrueba.ESQUEMA_LEGADAS);
             PreparedStatement insert = conexion.prepareStatement("INSERT INTO clave_legada (cuil, hash, algoritmo, nivel, email, "
                     + "email_confirmado, estado, creada) VALUES (?, ?, ?, ?, ?, ?, 'HABILITADA', ?::date) ON CONFLICT DO NOTHING")) {
            fila(insert, LORENA, "$2b$10$B5il0xSDqxVLvFqPGQginOsc7ehgufeinZcaUV6jQ60sVqqishJW.", "bcrypt", 3,
                    "lorena.ledesma@correo.example", true, "2016-04-26");
            fila(insert, NICOLAS, "$2a$10$BG870m2PZq/kByFGHMaVZuPIC90qqh.LOZksDEdZEopMFOeIzYqVy", "bcrypt", 2, null, false, "2018-07-19");
            fila(insert, OLGA, "100000$kwa5HirQ+ecVghcCr8AeRg==$z+fLqML2IYdciaoBsct5I7arzn0gnZqOHmfc61DixCI=", "pbkdf2-sha256", 2,
                    null, false, "2011-11-11");
            insert.executeBatch();
        }
    }

    private static void fila(PreparedStatement insert, String cuil, String hash, String algoritmo, int nivel, String email,
                             boolean confirmado, String creada) throws SQLException {
        insert.setString(1, cuil);
        insert.setString(2, hash);
        insert.setString(3, algoritmo);
        insert.setInt(4, nivel);
        insert.setString(5, email);
        insert.setBoolean(6, confirmado);
        insert.setString(7, creada);
        insert.addBatch();
    }

    @BeforeEach
    void nodosVivos() {
        ClusterDePrueba.vivos(cluster);
    }

    @DisplayName("given a level-3 legacy clave in PostgreSQL, when she logs in on A, then her account exists with level 3 and "
            + "her confirmed email, and B logs her in with the same clave, now Keycloak's")
    @Test
    void primerIngreso() throws Exception {
        Oidc.Request enA = new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(cluster.navegador(A), enA.uri()).submit(LORENA, "Guayaibi4"), enA)).isTrue();

        JsonNode user = new AdminApi(cluster.nodo(B)).get("users?exact=true&username=" + LORENA).get(0);
        assertThat(user.get("attributes").get("nivel").get(0).asText()).isEqualTo("3");
        assertThat(user.get("email").asText()).isEqualTo("lorena.ledesma@correo.example");
        assertThat(user.get("emailVerified").asBoolean()).isTrue();

        Oidc.Request enB = new Oidc(cluster.nodo(B)).request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(cluster.navegador(B), enB.uri()).submit(LORENA, "Guayaibi4"), enB)).isTrue();
    }

    @DisplayName("given two first logins of one legacy CUIL at once, one on A and one on B, then there is exactly one account, "
            + "at least one of them landed in the app, and the other landed too or was told another login is being checked")
    @Test
    void dosNodosUnaCuenta() throws Exception {
        Oidc.Request enA = new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES);
        Oidc.Request enB = new Oidc(cluster.nodo(B)).request(Oidc.MI_ANSES);
        LoginPage loginA = LoginPage.open(cluster.navegador(A), enA.uri());
        LoginPage loginB = LoginPage.open(cluster.navegador(B), enB.uri());

        List<Page> respuestas = EnParalelo.todas(List.<Callable<Page>>of(
                () -> loginA.submit(NICOLAS, "Timbo7Rio"), () -> loginB.submit(NICOLAS, "Timbo7Rio")));

        boolean entroA = LoginPage.loggedIn(respuestas.get(0), enA);
        boolean entroB = LoginPage.loggedIn(respuestas.get(1), enB);
        assertThat(entroA || entroB).isTrue();
        for (int i = 0; i < 2; i++) {
            if (!LoginPage.loggedIn(respuestas.get(i), i == 0 ? enA : enB)) {
                assertThat(LoginPage.of(respuestas.get(i)).alert()).isEqualTo(ES.get("ansesIngresoEnCurso"));
            }
        }
        assertThat(new AdminApi(cluster.nodo(A)).get("users?exact=true&username=" + NICOLAS)).hasSize(1);
        assertThat(new AdminApi(cluster.nodo(B)).get("users?exact=true&username=" + NICOLAS)).hasSize(1);
    }

    @DisplayName("given the legacy table locked longer than the lookup's timeout, then a legacy first login is told the system "
            + "is busy, no account is made and Server Info counts it; a wrong clave of a CUIL with an account gets the very same "
            + "answer and its failure counts; a citizen with an account logs in meanwhile; once the table answers, the same "
            + "clave migrates")
    @Test
    void sistemaCaido() throws Exception {
        String conCuenta = CuilsDePrueba.nuevo();
        new AdminApi(cluster.nodo(A)).crearCiudadano(conCuenta, "Rita", "Sosa", CuilsDePrueba.dni(conCuenta), 2, "Quebracho8Sur", false);
        long antes = noDisponible();
        try (Connection bloqueo = ClavesLegadasJdbc.conectar(ClusterDePrueba.ESQUEMA_LEGADAS)) {
            bloqueo.setAutoCommit(false);
            try (Statement sql = bloqueo.createStatement()) {
                sql.execute("LOCK TABLE clave_legada IN ACCESS EXCLUSIVE MODE");
            }
            LoginPage caido = LoginPage.of(LoginPage.open(cluster.navegador(A), new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES).uri())
                    .submit(OLGA, "Espinal5Sur"));
            assertThat(caido.alert()).isEqualTo(ES.get("ansesSistemaSaturado"));
            assertThat(new AdminApi(cluster.nodo(A)).get("users?exact=true&username=" + OLGA)).isEmpty();
            assertThat(noDisponible()).isGreaterThan(antes);

            // Her account's clave mistyped during the outage: the answer a CUIL without an account gets, and it counts.
            LoginPage equivocada = LoginPage.of(LoginPage.open(cluster.navegador(A), new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES).uri())
                    .submit(conCuenta, "Quebracho8Norte"));
            assertThat(equivocada.alert()).isEqualTo(caido.alert());
            assertThat(new AdminApi(cluster.nodo(A)).bruteForce(conCuenta).get("numFailures").asInt()).isEqualTo(1);

            // A demo citizen has her account: the old system is not asked.
            Oidc.Request juan = new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES);
            assertThat(LoginPage.loggedIn(LoginPage.open(cluster.navegador(A), juan.uri()).submit("20317320486", "Mate7Rio"), juan)).isTrue();
            bloqueo.rollback();
        }
        Oidc.Request request = new Oidc(cluster.nodo(A)).request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(cluster.navegador(A), request.uri()).submit(OLGA, "Espinal5Sur"), request)).isTrue();
    }

    /** Node A's count of first logins stopped by a registry that did not answer (Server Info). */
    private static long noDisponible() throws Exception {
        JsonNode info = new AdminApi(cluster.nodo(A)).serverInfo()
                .at("/providers/anses-claves-legadas/providers/jdbc/operationalInfo/fallos.no_disponible.nodo");
        assertThat(info.isMissingNode()).as("the jdbc legacy registry in Server Info").isFalse();
        return Long.parseLong(info.asText());
    }
}
