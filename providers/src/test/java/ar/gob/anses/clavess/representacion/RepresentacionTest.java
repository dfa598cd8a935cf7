package ar.gob.anses.clavess.representacion;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.Persona;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepresentacionTest {

    private static final String ROSA = "27263334448";
    private static final String IGNACIO = "20441112220";   // under curatela
    private static final String MICAELA = "27452223339";   // under curatela
    private static final String JULIAN = "20435557776";    // listed, curatela lifted
    private static final String TOMAS = "20395556666";     // under curatela, not in this padrón

    private static Persona persona(String cuil, String nombre, boolean bajoCuratela, String... curados) {
        return new Persona(cuil, nombre, "Villalba", cuil.substring(2, 10), List.of(), "1980-01-01", "F", null, null, null,
                List.of(), List.of(), null, bajoCuratela, List.of(curados));
    }

    private static Function<Cuil, Optional<Persona>> padron(Persona... personas) {
        Map<Cuil, Persona> porCuil = Stream.of(personas).collect(Collectors.toMap(Persona::cuil, p -> p));
        return cuil -> Optional.ofNullable(porCuil.get(cuil));
    }

    private static final Persona IGNACIO_P = persona(IGNACIO, "Ignacio", true);
    private static final Persona MICAELA_P = persona(MICAELA, "Micaela", true);
    private static final Persona JULIAN_P = persona(JULIAN, "Julián", false);

    @DisplayName("given a curador whose curados list two wards under curatela, one whose curatela was lifted and one the "
            + "padrón does not know, then only the two under curatela are offered, in the padrón's order, each once")
    @Test
    void soloLosBajoCuratela() {
        Persona rosa = persona(ROSA, "Rosa", false, IGNACIO, JULIAN, MICAELA, TOMAS, IGNACIO);

        List<Representacion.Curado> vigentes = Representacion.vigentes(rosa.curados(), padron(IGNACIO_P, MICAELA_P, JULIAN_P));

        assertThat(vigentes).extracting(c -> c.cuil().digitos()).containsExactly(IGNACIO, MICAELA);
        assertThat(vigentes).extracting(Representacion.Curado::nombre).containsExactly("Ignacio Villalba", "Micaela Villalba");
    }

    @DisplayName("given a citizen without wards, or not in the padrón, then nobody is offered (and the page never shows)")
    @Test
    void sinCurados() {
        assertThat(Representacion.vigentes(persona(ROSA, "Rosa", false).curados(), padron(IGNACIO_P))).isEmpty();
        assertThat(Representacion.vigentes(List.of(), padron(IGNACIO_P))).isEmpty();
        assertThat(Representacion.vigentes(persona(ROSA, "Rosa", false, JULIAN).curados(), padron(JULIAN_P))).isEmpty();
    }

    @DisplayName("given a session that chose Ignacio, when the padrón removes him from Rosa's curados or lifts his curatela, "
            + "then the kept choice names nobody any more (the token loses representa, refresh included)")
    @Test
    void quitadoDelPadron() {
        Persona antes = persona(ROSA, "Rosa", false, IGNACIO, MICAELA);
        assertThat(Representacion.representado(IGNACIO, Representacion.vigentes(antes.curados(), padron(IGNACIO_P, MICAELA_P))))
                .hasValueSatisfying(c -> assertThat(c.claim()).containsExactly(
                        Map.entry("cuil", IGNACIO), Map.entry("nombre", "Ignacio Villalba"), Map.entry("relacion", "curatela")));

        Persona sinIgnacio = persona(ROSA, "Rosa", false, MICAELA);
        assertThat(Representacion.representado(IGNACIO, Representacion.vigentes(sinIgnacio.curados(), padron(IGNACIO_P, MICAELA_P))))
                .isEmpty();

        Persona ignacioHabilitado = persona(IGNACIO, "Ignacio", false);
        assertThat(Representacion.representado(IGNACIO, Representacion.vigentes(antes.curados(), padron(ignacioHabilitado, MICAELA_P))))
                .isEmpty();
        assertThat(Representacion.representado(MICAELA, Representacion.vigentes(antes.curados(), padron(ignacioHabilitado, MICAELA_P))))
                .isPresent();
    }

    @DisplayName("what a submitted form may choose: propia or a ward offered now; anything else asks again")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "propia,      propia",
            "20441112220, 20441112220",
            "27452223339, 27452223339",
            "20435557776, null",     // listed but no longer under curatela
            "20395556666, null",     // somebody else's ward
            "27263334448, null",     // the curador's own CUIL is "propia", not a ward
            "20-44111222-0, null",   // only the value the page sends
            "'',          null",
            "null,        null",
    })
    void eleccion(String enviada, String esperada) {
        Persona rosa = persona(ROSA, "Rosa", false, IGNACIO, MICAELA, JULIAN);
        List<Representacion.Curado> vigentes = Representacion.vigentes(rosa.curados(), padron(IGNACIO_P, MICAELA_P, JULIAN_P));

        assertThat(Representacion.eleccion(enviada, vigentes)).isEqualTo(Optional.ofNullable(esperada));
    }

    @DisplayName("a kept note that is propia, missing or malformed names nobody")
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"propia", "null", "''", "basura", "2044111222"})
    void notaSinCurado(String nota) {
        Persona rosa = persona(ROSA, "Rosa", false, IGNACIO);
        assertThat(Representacion.representado(nota, Representacion.vigentes(rosa.curados(), padron(IGNACIO_P)))).isEmpty();
    }

    @DisplayName("given a kept choice, then the token's ward is found asking the padrón for that ward only, with the same "
            + "answer as from all the curador's wards")
    @ParameterizedTest(name = "nota [{0}]")
    @CsvSource(nullValues = "null", value = {IGNACIO, MICAELA, JULIAN, TOMAS, ROSA, "propia", "null", "''", "basura", "2044111222"})
    void representadoSoloConSuCurado(String nota) {
        Persona rosa = persona(ROSA, "Rosa", false, IGNACIO, JULIAN, MICAELA, TOMAS, IGNACIO);
        Function<Cuil, Optional<Persona>> padron = padron(IGNACIO_P, MICAELA_P, JULIAN_P);
        List<Cuil> pedidos = new java.util.ArrayList<>();

        Optional<Representacion.Curado> curado = Representacion.representado(nota, rosa.curados(), c -> {
            pedidos.add(c);
            return padron.apply(c);
        });

        assertThat(curado).isEqualTo(Representacion.representado(nota, Representacion.vigentes(rosa.curados(), padron)));
        assertThat(pedidos).extracting(Cuil::digitos).isSubsetOf(nota).hasSizeLessThanOrEqualTo(1);
        assertThat(Representacion.representado(nota, List.<Cuil>of(), padron)).isEmpty();
    }
}
