package ar.gob.anses.clavess.padron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PadronDeLaSesionTest {

    private static final Cuil MARTIN = Cuil.leer("20334445551").cuil();
    private static final Cuil NADIE = Cuil.leer("23123456785").cuil();

    /** A registry that counts the lookups it answers, and whose data may change between requests. */
    private final List<Cuil> consultas = new ArrayList<>();
    private final Map<Cuil, Persona> datos = new java.util.HashMap<>(Map.of(MARTIN, persona("Martín")));
    private final Function<Cuil, Optional<Persona>> registro = cuil -> {
        consultas.add(cuil);
        return Optional.ofNullable(datos.get(cuil));
    };

    /** The narrow question for wards, where a test asks only for persons: never to be asked. */
    private static final Function<Cuil, List<Cuil>> NUNCA = cuil -> {
        throw new AssertionError("the wards' question was asked for " + cuil.digitos());
    };

    private static Persona persona(String nombre) {
        return new Persona("20334445551", nombre, "Sosa", "33444555", List.of("00712345678"), "1988-02-14", "M", null, null, null,
                List.of(), List.of(), null, false, List.of());
    }

    private PadronProvider nuevaSesion() {
        return new PadronDeLaSesion(registro, NUNCA, () -> List.of("Correo Austral S.A."));
    }

    @Test
    @DisplayName("given one request that asks for the same CUIL three times, and for a CUIL nobody has twice, then the "
            + "registry is asked once for each, and every ask gets the same answer")
    void unaConsultaPorCuilEnLaSesion() {
        PadronProvider padron = nuevaSesion();

        assertThat(padron.buscar(MARTIN)).map(Persona::nombre).hasValue("Martín");
        assertThat(padron.buscar(Cuil.leer("20-33444555-1").cuil())).map(Persona::nombre).hasValue("Martín");
        assertThat(padron.buscar(MARTIN)).map(Persona::nombre).hasValue("Martín");
        assertThat(padron.buscar(NADIE)).isEmpty();
        assertThat(padron.buscar(NADIE)).isEmpty();

        assertThat(consultas).containsExactly(MARTIN, NADIE);
    }

    @Test
    @DisplayName("given two requests, then the second asks the registry again and sees what changed there: nothing is kept "
            + "across requests")
    void nadaEntreSesiones() {
        PadronProvider primera = nuevaSesion();
        assertThat(primera.buscar(MARTIN)).map(Persona::nombre).hasValue("Martín");
        primera.close();

        datos.put(MARTIN, persona("Martín Ezequiel"));
        PadronProvider segunda = nuevaSesion();

        assertThat(segunda.buscar(MARTIN)).map(Persona::nombre).hasValue("Martín Ezequiel");
        assertThat(consultas).containsExactly(MARTIN, MARTIN);
    }

    @Test
    @DisplayName("given a request that asks only for a citizen's wards, twice, then the registry's narrow question is asked "
            + "once and the whole person never; once the request has read the person, her wards come from her")
    void curadosConLaPreguntaAngosta() {
        List<Cuil> preguntas = new ArrayList<>();
        PadronProvider padron = new PadronDeLaSesion(registro, cuil -> {
            preguntas.add(cuil);
            return List.of(NADIE);
        }, List::of);

        assertThat(padron.curados(MARTIN)).containsExactly(NADIE);
        assertThat(padron.curados(MARTIN)).containsExactly(NADIE);
        assertThat(preguntas).containsExactly(MARTIN);
        assertThat(consultas).isEmpty();

        PadronProvider otra = new PadronDeLaSesion(registro, cuil -> {
            preguntas.add(cuil);
            return List.of(NADIE);
        }, List::of);
        assertThat(otra.buscar(MARTIN)).isPresent();
        assertThat(otra.curados(MARTIN)).isEqualTo(datos.get(MARTIN).curados()); // the person read: none, not the narrow answer
        assertThat(preguntas).containsExactly(MARTIN);
    }

    @Test
    @DisplayName("given a lookup that fails, then the failure is not kept: the next ask in the same request tries again")
    void fallaNoSeGuarda() {
        List<Cuil> intentos = new ArrayList<>();
        PadronProvider padron = new PadronDeLaSesion(cuil -> {
            intentos.add(cuil);
            if (intentos.size() == 1) {
                throw new IllegalStateException("padrón lookup failed: timeout");
            }
            return Optional.of(persona("Martín"));
        }, NUNCA, List::of);

        assertThatThrownBy(() -> padron.buscar(MARTIN)).isInstanceOf(IllegalStateException.class);
        assertThat(padron.buscar(MARTIN)).isPresent();
        assertThat(padron.buscar(MARTIN)).isPresent();
        assertThat(intentos).hasSize(2);
    }
}
