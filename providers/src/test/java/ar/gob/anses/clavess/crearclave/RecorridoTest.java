package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.crearclave.Recorrido.CorreoAConfirmar;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Clave;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class RecorridoTest {

    private static final Cuil CUIL = Cuil.leer("20256667771").cuil();
    private static final Cuil OTRO = Cuil.leer("27305554443").cuil();
    private static final List<Pregunta> SET = PreguntasDePrueba.DOS;

    private final Map<String, String> notas = new HashMap<>();
    private final Recorrido recorrido = new Recorrido(authSession(notas), RecorridoTest::padron);
    private final Recorrido.Preguntas enSesion = recorrido.preguntas();

    @DisplayName("given a new journey, then it has no CUIL, no person, nothing verified, abroad or to confirm")
    @Test
    void nuevo() {
        assertThat(recorrido.cuil()).isEmpty();
        assertThat(recorrido.persona()).isEmpty();
        assertThat(recorrido.verificada()).isEmpty();
        assertThat(recorrido.exterior()).isFalse();
        assertThat(recorrido.delExterior()).isEmpty();
        assertThat(recorrido.correoAConfirmar()).isEmpty();
        assertThat(recorrido.codigo()).isEmpty();
        assertThat(recorrido.politicasVersion()).isNull();
    }

    @DisplayName("given a CUIL chosen, then its person is the journey's, and it is verified only once proven")
    @Test
    void cuilYVerificacion() {
        recorrido.politicasAceptadas("2024-1");
        recorrido.cuil(CUIL, false);

        assertThat(recorrido.cuil()).contains(CUIL);
        assertThat(recorrido.persona()).map(Persona::cuil).contains(CUIL);
        assertThat(recorrido.verificada()).isEmpty();
        assertThat(recorrido.politicasVersion()).isEqualTo("2024-1");

        recorrido.identidadVerificada(CUIL);

        assertThat(recorrido.verificado()).contains(CUIL);
        assertThat(recorrido.verificada()).map(Persona::cuil).contains(CUIL);
    }

    @DisplayName("given one CUIL proven and then another typed, then the second is not verified")
    @Test
    void otroCuil() {
        recorrido.cuil(CUIL, false);
        recorrido.identidadVerificada(CUIL);
        recorrido.cuil(OTRO, false);

        assertThat(recorrido.verificado()).isEmpty();
        assertThat(recorrido.verificada()).isEmpty();
    }

    @DisplayName("given a resident abroad, then the journey is abroad until the CUIL is typed again as living here")
    @Test
    void exterior() {
        recorrido.cuil(CUIL, true);

        assertThat(recorrido.exterior()).isTrue();
        assertThat(recorrido.delExterior()).map(Persona::cuil).contains(CUIL);

        recorrido.cuil(CUIL, false);

        assertThat(recorrido.exterior()).isFalse();
        assertThat(recorrido.delExterior()).isEmpty();
    }

    @DisplayName("given an address to confirm, then it comes back whole (spaces in it too) until the journey ends with it")
    @Test
    void correo() {
        CorreoAConfirmar correo = new CorreoAConfirmar("\"ana maria\"@example.com", Clave.RECUPERADA, 3);
        recorrido.correoAConfirmar(correo);

        assertThat(recorrido.correoAConfirmar()).contains(correo);

        recorrido.correoTerminado();

        assertThat(recorrido.correoAConfirmar()).isEmpty();
    }

    @DisplayName("given a code sent and sent again, then the last one is kept, resends counted, and a new address voids it")
    @Test
    void codigo() {
        CodigoCorreo primero = new CodigoCorreo("ab12", "cd34", 1000);
        CodigoCorreo segundo = new CodigoCorreo("ef56", "0789", 2000);
        recorrido.correoAConfirmar(new CorreoAConfirmar("ana@example.com", Clave.CREADA, 0));
        recorrido.primerCodigo(primero);
        String confirmacion = recorrido.confirmacion();

        assertThat(recorrido.codigo()).contains(primero);
        assertThat(recorrido.reenvios()).isZero();
        assertThat(confirmacion).isNotBlank();

        recorrido.codigoReenviado(segundo);

        assertThat(recorrido.codigo()).contains(segundo);
        assertThat(recorrido.reenvios()).isEqualTo(1);
        assertThat(recorrido.confirmacion()).isEqualTo(confirmacion);

        recorrido.correoAConfirmar(new CorreoAConfirmar("otra@example.com", Clave.CREADA, 0));

        assertThat(recorrido.codigo()).isEmpty();
    }

    @DisplayName("given nothing to confirm any more, then neither the address nor its code is left")
    @Test
    void sinCorreo() {
        recorrido.correoAConfirmar(new CorreoAConfirmar("ana@example.com", Clave.CREADA, 0));
        recorrido.primerCodigo(new CodigoCorreo("ab12", "cd34", 1000));

        recorrido.sinCorreoAConfirmar();

        assertThat(recorrido.correoAConfirmar()).isEmpty();
        assertThat(recorrido.codigo()).isEmpty();
    }

    @DisplayName("given a new session, then there is no set to judge and no kind asked before")
    @Test
    void preguntasNuevas() {
        assertThat(enSesion.actuales()).isEmpty();
        assertThat(enSesion.anteriores()).isEmpty();
    }

    @DisplayName("given a set kept, then it comes back equal, right options included, and its kinds are the ones asked before")
    @Test
    void preguntasGuardadas() {
        enSesion.guardar(SET);

        assertThat(enSesion.actuales()).isEqualTo(SET);
        assertThat(enSesion.anteriores()).containsExactlyInAnyOrder(TipoPregunta.PROVINCIA_NACIMIENTO, TipoPregunta.CATEGORIA_AUTONOMO);
    }

    @DisplayName("given a set judged and forgotten, then it cannot be judged again, and its kinds still go last in the next set")
    @Test
    void preguntasOlvidadas() {
        enSesion.guardar(SET);
        enSesion.olvidar();

        assertThat(enSesion.actuales()).isEmpty();
        assertThat(enSesion.anteriores()).containsExactlyInAnyOrder(TipoPregunta.PROVINCIA_NACIMIENTO, TipoPregunta.CATEGORIA_AUTONOMO);
    }

    @DisplayName("given a note that is not a set, then there is nothing to judge rather than an error")
    @Test
    void preguntasIlegibles() {
        enSesion.guardar(SET);
        notas.replaceAll((nota, valor) -> valor.startsWith("[") ? "{no es json" : valor);

        assertThat(enSesion.actuales()).isEmpty();
    }

    /** The padrón of the test: the two CUILs above, nobody else. */
    private static Optional<Persona> padron(Cuil cuil) {
        if (!cuil.equals(CUIL) && !cuil.equals(OTRO)) {
            return Optional.empty();
        }
        return Optional.of(new Persona(cuil.digitos(), "Ana", "Prueba", cuil.dni(), List.of(), "1980-01-01", "F",
                null, null, null, List.of(), List.of(), null, false, List.of()));
    }

    /** The authentication session's notes and nothing else: what the journey may touch. */
    private static AuthenticationSessionModel authSession(Map<String, String> notas) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(RecorridoTest.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAuthNote" -> notas.get((String) args[0]);
                    case "setAuthNote" -> notas.put((String) args[0], (String) args[1]);
                    case "removeAuthNote" -> notas.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
