package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The knowledge questions of the attempt in progress, kept in the authentication session (server side: the
 * page carries option texts and indexes only), and the kinds the previous set asked, which the next set asks
 * last.
 */
final class PreguntasEnSesion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthenticationSessionModel authSession;

    PreguntasEnSesion(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** The kinds of the set asked last in this session (none before the first). */
    Set<TipoPregunta> anteriores() {
        Set<TipoPregunta> anteriores = EnumSet.noneOf(TipoPregunta.class);
        String previas = authSession.getAuthNote(CrearClaveNotes.PREGUNTAS_ANTERIORES);
        if (previas != null && !previas.isEmpty()) {
            Arrays.stream(previas.split(",")).map(TipoPregunta::valueOf).forEach(anteriores::add);
        }
        return anteriores;
    }

    /** Keeps a new set: the next answers are judged against it, and the set after it asks these kinds last. */
    void guardar(List<Pregunta> preguntas) {
        try {
            authSession.setAuthNote(CrearClaveNotes.PREGUNTAS, JSON.writeValueAsString(preguntas));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        authSession.setAuthNote(CrearClaveNotes.PREGUNTAS_ANTERIORES,
                preguntas.stream().map(p -> p.tipo().name()).collect(Collectors.joining(",")));
    }

    /** The set shown and not yet judged; empty when there is none (or the note cannot be read). */
    List<Pregunta> actuales() {
        String json = authSession.getAuthNote(CrearClaveNotes.PREGUNTAS);
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Pregunta>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** Forgets the set once its answers are complete: a set is judged once. */
    void olvidar() {
        authSession.removeAuthNote(CrearClaveNotes.PREGUNTAS);
    }
}
