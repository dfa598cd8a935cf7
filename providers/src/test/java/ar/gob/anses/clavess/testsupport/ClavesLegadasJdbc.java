package ar.gob.anses.clavess.testsupport;

import ar.gob.anses.clavess.legadas.JdbcClavesLegadas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A legacy claves registry in the test PostgreSQL ({@link Requisitos#POSTGRES_URL}): a schema of its own with the
 * table of {@code legadas/schema.sql}, as a deployer makes it, and the SPI options that point a server at it.
 */
public final class ClavesLegadasJdbc {

    /** The provider choice, a build option: {@code KeycloakCluster} passes it to {@code kc.sh build}. */
    public static final String PROVIDER = "KC_SPI_ANSES_CLAVES_LEGADAS__PROVIDER";

    private ClavesLegadasJdbc() {
    }

    /** Creates the schema and its empty table; the variables that make a server read it (lookups time out after 2 s). */
    public static Map<String, String> crear(String esquema) {
        try (Connection conexion = conectar(); Statement sql = conexion.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + esquema + " CASCADE");
            sql.execute("CREATE SCHEMA " + esquema);
            sql.execute("SET search_path TO " + esquema);
            sql.execute(ddl());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the legacy claves schema " + esquema + ": " + e.getMessage(), e);
        }
        return Map.of(PROVIDER, "jdbc", "KC_SPI_ANSES_CLAVES_LEGADAS__JDBC__URL", url(esquema),
                "KC_SPI_ANSES_CLAVES_LEGADAS__JDBC__USER", Requisitos.POSTGRES_USER,
                "KC_SPI_ANSES_CLAVES_LEGADAS__JDBC__TIMEOUT_SECONDS", "2");
    }

    public static String url(String esquema) {
        return Requisitos.POSTGRES_URL + "?currentSchema=" + esquema;
    }

    public static Connection conectar(String esquema) throws SQLException {
        return DriverManager.getConnection(url(esquema), Requisitos.POSTGRES_USER, "");
    }

    public static void borrar(String esquema) {
        try (Connection conexion = conectar(); Statement sql = conexion.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + esquema + " CASCADE");
        } catch (SQLException e) {
            // PostgreSQL went away with the run: nothing left to drop there
        }
    }

    private static Connection conectar() throws SQLException {
        return DriverManager.getConnection(Requisitos.POSTGRES_URL, Requisitos.POSTGRES_USER, "");
    }

    private static String ddl() {
        try (InputStream in = JdbcClavesLegadas.class.getResourceAsStream(JdbcClavesLegadas.SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
