package ar.gob.anses.clavess.politica;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.policy.DenylistPasswordPolicyProviderFactory;

/**
 * The denylist of common claves (realm-export/password-blacklists/anses-denylist.txt) is what
 * {@link GeneradorClavesComunes} makes of its sources, holds only claves a citizen could choose, and none that the
 * demo citizens, the tests or the benchmark use. With {@code -Dclaves.comunes.escribir=true} it writes the list first.
 */
class ClavesComunesTest {

    /** The demo citizens' claves (README): read-only accounts that must keep logging in. */
    private static final List<String> DEMO = List.of("Mate7Rio", "Tango5Luz", "Pampa8Sol", "Ceibo4Mar", "Lapacho9Ro",
            "Aromo6Tilo", "Quebracho3X", "Ceibo4Rama", "Yerba7Mate");
    /** Test classes that use denylisted claves on purpose (to see them refused). */
    private static final Set<String> USAN_CLAVES_COMUNES = Set.of("ClavesComunesIT.java", "PoliticaClaveIT.java",
            "ClavesComunesTest.java", "ClaveComunTest.java");
    /** A string literal shaped like a clave: letters and digits only, 8 to 15 of them. */
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9]{8,15})\"");

    private final GeneradorClavesComunes generador = GeneradorClavesComunes.delRealm();

    @DisplayName("given the sources, then the committed denylist is exactly what the generator makes of them")
    @Test
    void reproducible() throws IOException {
        List<String> generada = generador.generar();
        if (Boolean.getBoolean("claves.comunes.escribir")) {
            GeneradorClavesComunes.escribir(generada);
        }
        assertThat(denylist()).as("regenerate with -Dclaves.comunes.escribir=true").isEqualTo(generada);
    }

    @DisplayName("given the denylist, then every line passes the realm's rules (a clave a citizen could choose) and it stays small")
    @Test
    void soloClavesElegibles() throws IOException {
        List<String> lineas = denylist();
        assertThat(lineas).allMatch(generador::aceptable);
        assertThat(lineas).hasSizeBetween(10_000, 80_000);
        assertThat(lineas.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().count()).isEqualTo(lineas.size());
    }

    @DisplayName("given the claves an attacker sprays, then they are on the list")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Rosario7Sur", "Cordoba3Norte", "Boca1981", "River2018", "Argentina10", "Bocajuniors12",
            "Malvinas82", "Mundial86", "Maradona10", "Racing1967", "Monkey12", "Qwerty123", "Anses2024", "Valentina2015"})
    void comunes(String clave) throws IOException {
        assertThat(denylist().stream().map(l -> l.toLowerCase(Locale.ROOT))).contains(clave.toLowerCase(Locale.ROOT));
    }

    @DisplayName("given the demo citizens' claves and every clave literal of the tests and the benchmark, then none is on the list")
    @Test
    void noTocaClavesDePrueba() throws IOException {
        Set<String> lista = denylist().stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> usadas = new TreeSet<>(DEMO);
        for (Path raiz : List.of(Path.of("src/test/java"), Path.of("../bench/src"))) {
            try (Stream<Path> archivos = Files.walk(raiz)) {
                for (Path archivo : archivos.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (!USAN_CLAVES_COMUNES.contains(archivo.getFileName().toString())) {
                        Matcher m = LITERAL.matcher(Files.readString(archivo, StandardCharsets.UTF_8));
                        while (m.find()) {
                            usadas.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(usadas).hasSizeGreaterThan(50).contains("Quilmes8Sur", "Bench7Clave"); // the scan reads tests and bench
        assertThat(usadas.stream().filter(c -> lista.contains(c.toLowerCase(Locale.ROOT)))).isEmpty();
        // Keycloak asks a Bloom filter, not the list: none of them may be one of its false positives either.
        BloomFilter<String> filtro = comoKeycloak(denylist());
        assertThat(usadas.stream().filter(c -> filtro.mightContain(c.toLowerCase(Locale.ROOT)))).isEmpty();
    }

    /**
     * The filter Keycloak 26.7.3 builds from the file (DenylistPasswordPolicyProviderFactory.FileBasedPasswordDenylist):
     * sized for the number of lines, its default false-positive probability, lines lower-cased; the clave is lower-cased
     * before it is asked.
     */
    private static BloomFilter<String> comoKeycloak(List<String> lineas) {
        BloomFilter<String> filtro = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), lineas.size(),
                DenylistPasswordPolicyProviderFactory.DEFAULT_FALSE_POSITIVE_PROBABILITY);
        lineas.stream().map(String::toLowerCase).forEach(filtro::put);
        return filtro;
    }

    @DisplayName("given the denylist, then no line has the shape of an office's provisional clave (ClaveProvisoria: a letter, "
            + "then digits 2-9 and letters alternating, 10 symbols), so the policy never refuses one for being common")
    @Test
    void ningunaConFormaDeClaveProvisoria() throws IOException {
        Pattern provisoria = Pattern.compile("[A-Za-z](?:[2-9][A-Za-z]){4}[2-9]");
        assertThat(denylist()).noneMatch(l -> provisoria.matcher(l).matches());
    }

    private static List<String> denylist() throws IOException {
        return Files.readAllLines(GeneradorClavesComunes.DENYLIST, StandardCharsets.UTF_8);
    }
}
