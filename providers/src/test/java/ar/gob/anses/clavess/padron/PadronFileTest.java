package ar.gob.anses.clavess.padron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PadronFileTest {

    private static final String PERSONA = """
              {"cuil": "20334445551", "nombre": "Martín", "apellido": "Sosa", "dni": "33444555",
               "tramites": ["00712345678"], "fechaNacimiento": "1988-02-14", "sexo": "M",
               "provinciaNacimiento": "Córdoba", "fechaEmisionDni": "2021-07-03", "categoriaAutonomo": "F",
               "empleadores": ["Correo Austral S.A."], "prestaciones": [], "residencia": "ARGENTINA",
               "bajoCuratela": false, "curados": []}
            """;
    private static final String OK = "{\"personas\": [" + PERSONA + "]}";

    @TempDir
    Path dir;

    @DisplayName("the demo padrón in realm-export reads, with at least 30 personas covering every branch")
    @Test
    void padronDemo() {
        Map<String, Persona> personas = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));

        assertThat(personas).hasSizeGreaterThanOrEqualTo(30);
        assertThat(personas.values()).anyMatch(p -> !p.tramites().isEmpty())
                .anyMatch(p -> p.tramites().isEmpty())
                .anyMatch(p -> p.categoriaAutonomo().isPresent())
                .anyMatch(p -> p.categoriaAutonomo().isEmpty())
                .anyMatch(p -> !p.prestaciones().isEmpty())
                .anyMatch(p -> p.prestaciones().isEmpty())
                .anyMatch(p -> p.residencia() == Persona.Residencia.EXTERIOR)
                .anyMatch(Persona::bajoCuratela)
                .anyMatch(p -> !p.curados().isEmpty());
        assertThat(personas).containsKey("20317320486"); // a demo citizen who already holds a clave
    }

    @DisplayName("given a good file, then it is indexed by CUIL with every field")
    @Test
    void leeLosCampos() throws IOException {
        Persona martin = PadronFile.leer(write(OK)).get("20334445551");

        assertThat(martin.nombre()).isEqualTo("Martín");
        assertThat(martin.tramites()).containsExactly("00712345678");
        assertThat(martin.fechaEmisionDni()).hasValueSatisfying(d -> assertThat(d).hasYear(2021));
        assertThat(martin.categoriaAutonomo()).hasValue("F");
        assertThat(martin.curados()).isEmpty();
    }

    @DisplayName("given a malformed file, then the error names the line and the field")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad check digit  | \"cuil\": \"20334445551\" | \"cuil\": \"20334445552\" | personas[0]: cuil: '20334445552'",
            "dni not in cuil  | \"dni\": \"33444555\"     | \"dni\": \"33444556\"     | dni must be",
            "short trámite    | \"00712345678\"          | \"0071234\"              | tramites",
            "bad date         | \"1988-02-14\"           | \"14/02/1988\"           | fechaNacimiento",
            "unknown province | \"Córdoba\"              | \"Cordoba\"              | provinciaNacimiento",
            "unknown field    | \"sexo\": \"M\"          | \"sexo\": \"M\", \"color\": 1 | color",
            "not json         | {\"personas\"            | {personas              | line 1, column 2",
    })
    void malformado(String name, String from, String to, String expected) throws IOException {
        Path file = write(OK.replace(from.strip(), to.strip()));

        assertThatThrownBy(() -> PadronFile.leer(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(expected.strip())
                .hasMessageMatching("(?s).*line [0-9]+, column [0-9]+.*");
    }

    @DisplayName("given the same CUIL twice, then the file is refused")
    @Test
    void duplicado() throws IOException {
        Path file = write("{\"personas\": [" + PERSONA + "," + PERSONA + "]}");
        assertThatThrownBy(() -> PadronFile.leer(file)).hasMessageContaining("appears twice");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("padron.json"), json);
    }
}
