package ar.gob.anses.clavess.testsupport;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.JdbcPadron;
import ar.gob.anses.clavess.padron.Persona;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads personas into the jdbc padrón's tables with PostgreSQL's COPY, a chunk at a time (one COPY per
 * table per chunk): the tests load the demo padrón with it, the benchmark millions of synthetic citizens.
 */
public final class CargaPadronJdbc {

    private static final int PERSONAS_POR_TANDA = 20_000;
    private static final String MARCA_POST_CARGA = "-- @after-load";

    private final Connection conexion;
    private final CopyManager copy;
    private final Map<String, Integer> empleadores = new HashMap<>();
    private int ultimoEmpleador;

    public CargaPadronJdbc(Connection conexion) throws SQLException {
        this.conexion = conexion;
        this.copy = conexion.unwrap(PGConnection.class).getCopyAPI();
        try (Statement sql = conexion.createStatement(); ResultSet filas = sql.executeQuery("SELECT id, nombre FROM padron_empleador")) {
            while (filas.next()) {
                empleadores.put(filas.getString(2), filas.getInt(1));
                ultimoEmpleador = Math.max(ultimoEmpleador, filas.getInt(1));
            }
        }
    }

    /** The tables of schema.sql, without the constraints meant for after a bulk load. */
    public static void crearTablas(Connection conexion) throws SQLException {
        ejecutar(conexion, esquema()[0]);
    }

    /** The foreign keys and indexes of schema.sql that are added after a bulk load. */
    public static void agregarRestricciones(Connection conexion) throws SQLException {
        ejecutar(conexion, esquema()[1]);
    }

    private static void ejecutar(Connection conexion, String sql) throws SQLException {
        try (Statement statement = conexion.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String[] esquema() {
        try (InputStream in = JdbcPadron.class.getResourceAsStream(JdbcPadron.SCHEMA_RESOURCE)) {
            String texto = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int marca = texto.indexOf(MARCA_POST_CARGA);
            return new String[] {texto.substring(0, marca), texto.substring(marca)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads every persona; returns how many. */
    public long cargar(Iterator<Persona> personas) throws SQLException {
        long total = 0;
        while (personas.hasNext()) {
            Tanda tanda = new Tanda();
            for (int i = 0; i < PERSONAS_POR_TANDA && personas.hasNext(); i++) {
                tanda.agregar(personas.next());
            }
            tanda.copiar();
            total += tanda.personas;
        }
        return total;
    }

    /** One chunk as COPY text, one buffer per table. */
    private final class Tanda {
        final StringBuilder persona = new StringBuilder();
        final StringBuilder tramite = new StringBuilder();
        final StringBuilder empleador = new StringBuilder();
        final StringBuilder personaEmpleador = new StringBuilder();
        final StringBuilder prestacion = new StringBuilder();
        final StringBuilder curado = new StringBuilder();
        int personas;

        void agregar(Persona p) {
            String cuil = p.cuil().digitos();
            fila(persona, cuil, p.nombre(), p.apellido(), p.dni(), p.fechaNacimiento().toString(), p.sexo(),
                    p.provinciaNacimiento().orElse(null), p.fechaEmisionDni().map(Object::toString).orElse(null),
                    p.categoriaAutonomo().orElse(null), p.residencia().name(), String.valueOf(p.bajoCuratela()));
            hijas(tramite, cuil, p.tramites());
            for (int i = 0; i < p.empleadores().size(); i++) {
                String nombre = p.empleadores().get(i);
                Integer id = empleadores.get(nombre);
                if (id == null) {
                    id = ++ultimoEmpleador;
                    empleadores.put(nombre, id);
                    fila(empleador, String.valueOf(id), nombre);
                }
                fila(personaEmpleador, cuil, String.valueOf(i), String.valueOf(id));
            }
            hijas(prestacion, cuil, p.prestaciones());
            hijas(curado, cuil, p.curados().stream().map(Cuil::digitos).toList());
            personas++;
        }

        void copiar() throws SQLException {
            copiar("padron_persona", persona);
            copiar("padron_tramite", tramite);
            copiar("padron_empleador", empleador);
            copiar("padron_persona_empleador", personaEmpleador);
            copiar("padron_prestacion", prestacion);
            copiar("padron_curado", curado);
        }

        private void copiar(String tabla, StringBuilder filas) throws SQLException {
            if (filas.length() == 0) {
                return;
            }
            try {
                copy.copyIn("COPY " + tabla + " FROM STDIN", new StringReader(filas.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void hijas(StringBuilder destino, String cuil, List<String> valores) {
        for (int i = 0; i < valores.size(); i++) {
            fila(destino, cuil, String.valueOf(i), valores.get(i));
        }
    }

    /** A row in COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void fila(StringBuilder destino, String... valores) {
        for (int i = 0; i < valores.length; i++) {
            if (i > 0) {
                destino.append('\t');
            }
            String valor = valores[i];
            if (valor == null) {
                destino.append("\\N");
                continue;
            }
            for (int j = 0; j < valor.length(); j++) {
                char c = valor.charAt(j);
                switch (c) {
                    case '\\' -> destino.append("\\\\");
                    case '\t' -> destino.append("\\t");
                    case '\n' -> destino.append("\\n");
                    case '\r' -> destino.append("\\r");
                    default -> destino.append(c);
                }
            }
        }
        destino.append('\n');
    }
}
