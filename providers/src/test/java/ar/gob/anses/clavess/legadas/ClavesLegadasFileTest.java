package ar.gob.anses.clavess.legadas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.padron.PadronFile;
import ar.gob.anses.clavess.padron.Persona;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClavesLegadasFileTest {

    private static final Path DEMO = Path.of("../realm-export/claves-legadas-demo.json");
    private static final String BCRYPT = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    @TempDir
    Path dir;

    @DisplayName("the demo file reads: every format, both levels, a pending clave, every CUIL a person of the demo padrón")
    @Test
    void demo() {
        Map<String, ClaveLegada> claves = ClavesLegadasFile.leer(DEMO);
        Map<String, Persona> padron = PadronFile.leer(Path.of("../realm-export/padron-demo.json"));

        assertThat(claves.values().stream().map(ClaveLegada::algoritmo).collect(Collectors.toSet())).containsExactlyInAnyOrder(Algoritmo.values());
        assertThat(claves.values().stream().filter(c -> c.algoritmo() == Algoritmo.BCRYPT).map(c -> c.hash().substring(0, 4))
                .collect(Collectors.toSet())).isEqualTo(Set.of("$2a$", "$2b$", "$2y$"));
        assertThat(claves.values()).anyMatch(c -> c.nivel() == 3).anyMatch(c -> c.nivel() == 2)
                .anyMatch(c -> c.estado() == EstadoClave.PENDIENTE).anyMatch(c -> c.emailConfirmado());
        assertThat(padron).containsKeys(claves.keySet().toArray(String[]::new));
        assertThat(claves.get("27446000018").coincide("Jacaranda3")).isTrue();
        assertThat(claves.get("27446000050").coincide("Sauce2Norte")).isTrue();
        assertThat(claves.get("20446000064").coincide("Calden7Rio")).isTrue();
        assertThat(claves.get("20446000064").coincide("calden7Rio")).isFalse();
    }

    @DisplayName("given a bad entry, then reading fails naming the entry and what is wrong: never a login that silently refuses")
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"cuil\": \"20446000021\", \"hash\": \"x\", \"algoritmo\": \"md5\", \"nivel\": 2'|claves[0]: unknown algorithm 'md5'",
            "'\"cuil\": \"20446000021\", \"hash\": \"x\", \"algoritmo\": \"bcrypt\", \"nivel\": 2'|claves[0]: hash (bcrypt): not a bcrypt string",
            "'\"cuil\": \"20446000022\", \"hash\": \"" + BCRYPT + "\", \"algoritmo\": \"bcrypt\", \"nivel\": 2'|claves[0]: cuil",
            "'\"cuil\": \"20446000021\", \"hash\": \"" + BCRYPT + "\", \"algoritmo\": \"bcrypt\", \"nivel\": 4'|nivel must be 2 or 3",
            "'\"cuil\": \"20446000021\", \"hash\": \"" + BCRYPT + "\", \"algoritmo\": \"bcrypt\", \"nivel\": 2, \"estado\": \"PENDIENTE\"'|PENDIENTE clave needs",
            "'\"cuil\": \"20446000021\", \"hash\": \"" + BCRYPT + "\", \"algoritmo\": \"bcrypt\", \"nivel\": 2, \"estado\": \"BAJA\"'|estado must be",
            "'\"cuil\": \"20446000021\", \"hash\": \"" + BCRYPT + "\", \"algoritmo\": \"bcrypt\", \"nivel\": 2, \"emailConfirmado\": true'|emailConfirmado without",
            "'\"cuil\": \"20446000021\", \"algoritmo\": \"bcrypt\", \"nivel\": 2'|hash"})
    void malas(String entrada, String error) throws IOException {
        Path file = dir.resolve("claves.json");
        Files.writeString(file, "{\"claves\": [{" + entrada + "}]}");

        assertThatThrownBy(() -> ClavesLegadasFile.leer(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(error);
    }

    @DisplayName("given the same CUIL twice, then reading fails naming it")
    @Test
    void repetido() throws IOException {
        Path file = dir.resolve("claves.json");
        String una = "{\"cuil\": \"20446000021\", \"hash\": \"" + BCRYPT + "\", \"algoritmo\": \"bcrypt\", \"nivel\": 2}";
        Files.writeString(file, "{\"claves\": [" + una + ", " + una + "]}");

        assertThatThrownBy(() -> ClavesLegadasFile.leer(file)).hasMessageContaining("claves[1].cuil 20446000021 appears twice");
    }

    @DisplayName("given a registry of mostly bcrypt cost 10 and one PBKDF2, then the dummy is a bcrypt of cost 10 that matches nothing")
    @Test
    void ficticioDelMasComun() {
        Map<String, ClaveLegada> claves = ClavesLegadasFile.leer(DEMO);
        Ficticio ficticio = Ficticio.delMasComun(claves.values()).orElseThrow();

        assertThat(ficticio.trabajo()).isEqualTo("bcrypt cost 10");
        assertThat(ficticio.coincide("Jacaranda3")).isFalse();
        assertThat(Ficticio.delMasComun(java.util.List.of())).isEmpty();
    }
}
