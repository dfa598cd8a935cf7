package ar.gob.anses.clavess.padron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.testsupport.CargaPadronJdbc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.Config;

/**
 * The jdbc padrón against the PostgreSQL of {@link Requisitos#POSTGRES_URL} (127.0.0.1:5432, database {@code test},
 * user {@code root}). Skipped with a line saying so when PostgreSQL does not answer, failed instead with
 * -Dpostgres.required=true (as CI runs). Each run works in a schema of its own and drops it.
 *
 * <p>The provider is built as Keycloak builds it (factory, init with the SPI options, create), and the demo
 * padrón loaded into the tables must come back equal, field by field, to what the json-file provider reads
 * from the same file: Crear clave only sees {@link Persona}s, so the same Persona means the same journey.
 */
@ExtendWith(Requisitos.Postgres.class)
class PadronJdbcPostgresIT {

    private static final String URL = Requisitos.POSTGRES_URL;
    private static final String USER = Requisitos.POSTGRES_USER;
    private static final String SCHEMA = "padron_it_" + ProcessHandle.current().pid();
    private static final Map<String, Persona> DEMO = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));

    private static JdbcPadronProviderFactory factory;

    @BeforeAll
    static void cargarPadronDemo() throws SQLException {
        try (Connection conexion = conectar()) {
            try (Statement sql = conexion.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                sql.execute("CREATE SCHEMA " + SCHEMA);
                sql.execute("SET search_path TO " + SCHEMA);
            }
            CargaPadronJdbc.crearTablas(conexion);
            assertThat(new CargaPadronJdbc(conexion).cargar(DEMO.values().iterator())).isEqualTo(DEMO.size());
            CargaPadronJdbc.agregarRestricciones(conexion);
        }
        factory = new JdbcPadronProviderFactory();
        factory.init(new Opciones(Map.of("url", URL + "?currentSchema=" + SCHEMA, "user", USER, "poolSize", "2")));
    }

    @AfterAll
    static void borrar() throws SQLException {
        if (factory != null) {
            factory.close();
            try (Connection conexion = conectar(); Statement sql = conexion.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @DisplayName("given the demo padrón in PostgreSQL, then every persona comes back exactly as the JSON file gives it")
    @Test
    void mismasPersonas() {
        PadronProvider padron = factory.create(null);
        for (Persona esperada : DEMO.values()) {
            Persona leida = padron.buscar(esperada.cuil()).orElseThrow(() -> new AssertionError("missing " + esperada.cuil().digitos()));
            assertThat(campos(leida)).as(esperada.cuil().digitos()).isEqualTo(campos(esperada));
        }
    }

    @DisplayName("given the demo padrón in PostgreSQL, then every person's wards, asked alone (as every login asks), are the "
            + "JSON file's, in its order; a CUIL the registry does not have has none")
    @Test
    void curadosComoElArchivo() {
        PadronProvider padron = factory.create(null);
        long conCurados = DEMO.values().stream().filter(p -> !p.curados().isEmpty()).count();
        assertThat(conCurados).as("the demo padrón has a curadora").isPositive();
        for (Persona esperada : DEMO.values()) {
            assertThat(padron.curados(esperada.cuil())).as(esperada.cuil().digitos()).containsExactlyElementsOf(esperada.curados());
        }
        assertThat(padron.curados(Cuil.leer("23-12345678-5").cuil())).isEmpty();
    }

    @DisplayName("given a CUIL the registry does not have, then nobody is found")
    @Test
    void desconocido() {
        assertThat(factory.create(null).buscar(Cuil.leer("23-12345678-5").cuil())).isEmpty();
    }

    @DisplayName("then the employers for wrong options are the registry's and the catalogue's, as with the JSON file")
    @Test
    void empleadores() {
        Set<String> esperados = new HashSet<>(Catalogo.EMPLEADORES);
        DEMO.values().forEach(p -> esperados.addAll(p.empleadores()));

        assertThat(factory.create(null).empleadores()).containsExactlyInAnyOrderElementsOf(esperados);
    }

    @DisplayName("given a row that breaks the file format's rules, then the lookup fails naming the CUIL instead of using half of it")
    @Test
    void filaInvalida() throws SQLException {
        String cuil = "20999999981";
        try (Connection conexion = conectar(); Statement sql = conexion.createStatement()) {
            sql.execute("INSERT INTO " + SCHEMA + ".padron_persona (cuil, nombre, apellido, dni, fecha_nacimiento, sexo, provincia_nacimiento) "
                    + "VALUES ('" + cuil + "', 'Ana', 'Mal', '99999998', DATE '1990-01-01', 'F', 'Atlántida')");
        }
        assertThat(Cuil.leer(cuil).esValido()).isTrue();

        assertThatThrownBy(() -> factory.create(null).buscar(Cuil.leer(cuil).cuil()))
                .hasMessageContaining(cuil).hasMessageContaining("provinciaNacimiento");
    }

    @DisplayName("then Server Info shows the database without the URL's parameters, and the pool")
    @Test
    void informacionOperativa() {
        factory.create(null).buscar(Cuil.leer("20-33444555-1").cuil());

        assertThat(factory.getOperationalInfo()).containsEntry("url", URL).containsEntry("poolSize", "2")
                .hasEntrySatisfying("openConnections", n -> assertThat(Integer.parseInt(n)).isBetween(1, 2));
    }

    @DisplayName("given no URL, then the provider stays idle at start and says which option is missing when used")
    @Test
    void sinUrl() {
        JdbcPadronProviderFactory sinConfigurar = new JdbcPadronProviderFactory();
        sinConfigurar.init(new Opciones(Map.of()));

        assertThatThrownBy(() -> sinConfigurar.create(null)).hasMessageContaining("--spi-anses-padron--jdbc--url");
    }

    private static List<Object> campos(Persona p) {
        return List.of(p.cuil().digitos(), p.nombre(), p.apellido(), p.dni(), p.tramites(), p.fechaNacimiento(), p.sexo(),
                p.provinciaNacimiento(), p.fechaEmisionDni(), p.categoriaAutonomo(), p.empleadores(), p.prestaciones(),
                p.residencia(), p.bajoCuratela(), p.curados().stream().map(Cuil::digitos).toList());
    }

    private static Connection conectar() {
        try {
            return DriverManager.getConnection(URL, USER, null);
        } catch (SQLException e) {
            return fail("PostgreSQL at " + URL + " answers but refuses us (" + e.getMessage() + ")", e);
        }
    }

    /** SPI options as Keycloak hands them to a factory: --spi-anses-padron--jdbc--<name>. */
    private static final class Opciones extends Config.AbstractScope {
        private final Map<String, String> valores;

        Opciones(Map<String, String> valores) {
            this.valores = valores;
        }

        @Override
        public String get(String key) {
            return valores.get(key);
        }

        @Override
        public Config.Scope scope(String... scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> getPropertyNames() {
            return valores.keySet();
        }

        @Override
        public Config.Scope root() {
            throw new UnsupportedOperationException();
        }
    }
}
