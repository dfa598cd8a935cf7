package ar.gob.anses.clavess.crearclave;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class PreguntasEnSesionTest {

    private final Map<String, String> notas = new HashMap<>();
    private final PreguntasEnSesion enSesion = new PreguntasEnSesion(authSession(notas));
    private static final List<Pregunta> SET = PreguntasDePrueba.DOS;

    @DisplayName("given a new session, then there is no set to judge and no kind asked before")
    @Test
    void nueva() {
        assertThat(enSesion.actuales()).isEmpty();
        assertThat(enSesion.anteriores()).isEmpty();
    }

    @DisplayName("given a set kept, then it comes back equal, right options included, and its kinds are the ones asked before")
    @Test
    void guardada() {
        enSesion.guardar(SET);

        assertThat(enSesion.actuales()).isEqualTo(SET);
        assertThat(enSesion.anteriores()).containsExactlyInAnyOrder(TipoPregunta.PROVINCIA_NACIMIENTO, TipoPregunta.CATEGORIA_AUTONOMO);
    }

    @DisplayName("given a set judged and forgotten, then it cannot be judged again, and its kinds still go last in the next set")
    @Test
    void olvidada() {
        enSesion.guardar(SET);
        enSesion.olvidar();

        assertThat(enSesion.actuales()).isEmpty();
        assertThat(enSesion.anteriores()).containsExactlyInAnyOrder(TipoPregunta.PROVINCIA_NACIMIENTO, TipoPregunta.CATEGORIA_AUTONOMO);
    }

    @DisplayName("given a note that is not a set, then there is nothing to judge rather than an error")
    @Test
    void ilegible() {
        notas.put(CrearClaveNotes.PREGUNTAS, "{no es json");

        assertThat(enSesion.actuales()).isEmpty();
    }

    /** The authentication session's notes and nothing else: what PreguntasEnSesion may touch. */
    private static AuthenticationSessionModel authSession(Map<String, String> notas) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(PreguntasEnSesionTest.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAuthNote" -> notas.get((String) args[0]);
                    case "setAuthNote" -> notas.put((String) args[0], (String) args[1]);
                    case "removeAuthNote" -> notas.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
