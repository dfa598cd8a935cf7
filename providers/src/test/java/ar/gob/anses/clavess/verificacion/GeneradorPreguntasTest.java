package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.padron.Catalogo;
import ar.gob.anses.clavess.padron.Persona;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GeneradorPreguntasTest {

    private static final byte[] SECRET = "secreto-de-prueba".getBytes(StandardCharsets.UTF_8);

    private static final Persona CON_DATOS = new Persona("20334445551", "Martín", "Sosa", "33444555", List.of("00712345678"),
            "1988-02-14", "M", "Córdoba", "2021-07-03", "F", List.of("Correo Austral S.A.", "Acería del Paraná S.A."),
            List.of("Asignaciones Familiares"), Persona.Residencia.ARGENTINA, false, List.of());

    private static final Persona SIN_DATOS = new Persona("27382223336", "Lucía", "Herrera", "38222333", List.of(),
            "1995-10-03", "F", null, null, null, List.of(), List.of(), null, false, List.of());

    private static final List<String> EMPLEADORES = List.of("Correo Austral S.A.", "Acería del Paraná S.A.", "Plásticos Delta S.A.");

    private static GeneradorPreguntas generador(long orden) {
        List<String> conocidos = new java.util.ArrayList<>(Catalogo.EMPLEADORES);
        conocidos.addAll(EMPLEADORES);
        return new GeneradorPreguntas(SECRET, conocidos, new Random(orden));
    }

    @DisplayName("given a person with data, then each question shows 4 options with the right one among them, and Ninguna last")
    @ParameterizedTest
    @EnumSource(TipoPregunta.class)
    void correctaEntreCuatro(TipoPregunta tipo) {
        Pregunta pregunta = generador(1).pregunta(CON_DATOS, tipo);

        assertThat(pregunta.opciones()).hasSize(4).doesNotHaveDuplicates();
        assertThat(pregunta.correcta()).isBetween(0, 3);
        assertThat(pregunta.ninguna()).isEqualTo(4);
        String correcta = pregunta.opciones().get(pregunta.correcta());
        switch (tipo) {
            case CATEGORIA_AUTONOMO -> assertThat(correcta).isEqualTo("F");
            case PROVINCIA_NACIMIENTO -> assertThat(correcta).isEqualTo("Córdoba");
            case PRESTACION -> assertThat(correcta).isEqualTo("Asignaciones Familiares");
            case EMPLEADOR -> assertThat(CON_DATOS.empleadores()).contains(correcta);
            case CANTIDAD_EMPLEADORES -> assertThat(correcta).isEqualTo("2");
            case FECHA_EMISION_DNI -> assertThat(correcta).isEqualTo("03/07/2021");
            case FECHA_NACIMIENTO -> assertThat(correcta).isEqualTo("14/02/1988");
        }
    }

    @DisplayName("given a person without such data, then Ninguna is right and 4 wrong options are shown, as many as usual")
    @ParameterizedTest
    @EnumSource(value = TipoPregunta.class, names = {"CATEGORIA_AUTONOMO", "PROVINCIA_NACIMIENTO", "PRESTACION", "EMPLEADOR",
            "CANTIDAD_EMPLEADORES", "FECHA_EMISION_DNI"})
    void ningunaSinDatos(TipoPregunta tipo) {
        Pregunta pregunta = generador(2).pregunta(SIN_DATOS, tipo);

        assertThat(pregunta.opciones()).hasSize(4).doesNotHaveDuplicates();
        assertThat(pregunta.correcta()).isEqualTo(pregunta.ninguna());
        assertThat(pregunta.acierta(4)).isTrue();
        assertThat(pregunta.acierta(0)).isFalse();
    }

    @DisplayName("given two attempts, then each question shows the same options (only shuffled), so no option can be eliminated")
    @ParameterizedTest
    @EnumSource(TipoPregunta.class)
    void mismasOpcionesEnCadaIntento(TipoPregunta tipo) {
        Set<String> first = new HashSet<>(generador(3).pregunta(CON_DATOS, tipo).opciones());
        for (long attempt = 4; attempt < 14; attempt++) {
            assertThat(new HashSet<>(generador(attempt).pregunta(CON_DATOS, tipo).opciones())).isEqualTo(first);
        }
    }

    @DisplayName("given another server secret, then the wrong options differ: they cannot be replayed without it")
    @Test
    void otroSecretoOtrasOpcionesIncorrectas() {
        GeneradorPreguntas otro = new GeneradorPreguntas("otro-secreto".getBytes(StandardCharsets.UTF_8), Catalogo.EMPLEADORES, new Random(1));
        assertThat(otro.pregunta(CON_DATOS, TipoPregunta.PROVINCIA_NACIMIENTO).opciones())
                .isNotEqualTo(generador(1).pregunta(CON_DATOS, TipoPregunta.PROVINCIA_NACIMIENTO).opciones());
    }

    @DisplayName("given employers of the person, then none of them is ever offered as a wrong option")
    @Test
    void empleadoresPropiosNuncaIncorrectos() {
        for (long seed = 0; seed < 20; seed++) {
            Pregunta pregunta = generador(seed).pregunta(CON_DATOS, TipoPregunta.EMPLEADOR);
            long propias = pregunta.opciones().stream().filter(CON_DATOS.empleadores()::contains).count();
            assertThat(propias).isEqualTo(1);
        }
    }

    @DisplayName("given a retry, then it asks other kinds of question first: of 7 kinds, 4 per attempt, only 1 repeats")
    @Test
    void reintentoPreguntaOtras() {
        GeneradorPreguntas generador = generador(5);
        Set<TipoPregunta> first = tipos(generador.intento(CON_DATOS, 4, Set.of()));
        Set<TipoPregunta> second = tipos(generador.intento(CON_DATOS, 4, first));

        assertThat(first).hasSize(4);
        assertThat(second).hasSize(4);
        Set<TipoPregunta> repeated = EnumSet.copyOf(first);
        repeated.retainAll(second);
        assertThat(repeated).hasSize(1);
    }

    @DisplayName("given many attempts, then the right option is not always in the same place")
    @Test
    void correctaCambiaDeLugar() {
        GeneradorPreguntas generador = new GeneradorPreguntas(SECRET, Catalogo.EMPLEADORES, new java.security.SecureRandom());
        Set<Integer> positions = new HashSet<>();
        for (int attempt = 0; attempt < 100; attempt++) { // a position missed 100 times: odds 1 in 10^12
            positions.add(generador.pregunta(CON_DATOS, TipoPregunta.PROVINCIA_NACIMIENTO).correcta());
        }
        assertThat(positions).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    private static Set<TipoPregunta> tipos(List<Pregunta> preguntas) {
        return preguntas.stream().map(Pregunta::tipo).collect(Collectors.toCollection(() -> EnumSet.noneOf(TipoPregunta.class)));
    }
}
