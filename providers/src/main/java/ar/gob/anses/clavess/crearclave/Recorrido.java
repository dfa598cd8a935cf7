package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Clave;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One Crear clave request as its steps hand it on: what the journey remembers between its pages, kept in the
 * authentication session (server side). The only code that reads or writes the journey's auth notes; the steps take
 * and give typed values (a {@link Cuil}, the padrón's {@link Persona}, the address to confirm, the code sent).
 * The pending clave's online enablement (after the login's form) keeps its request and knowledge questions here too.
 */
final class Recorrido {

    private static final String POLITICAS_VERSION = "anses.politicas.version";
    private static final String CUIL = "anses.cuil";
    private static final String IDENTIDAD_VERIFICADA = "anses.identidad.verificada";
    /** The citizen said they live abroad: no verification now, the clave is created pending. */
    private static final String EXTERIOR = "anses.exterior";
    private static final String PREGUNTAS = "anses.preguntas";
    private static final String PREGUNTAS_ANTERIORES = "anses.preguntas.anteriores";
    /** The address Confirmá tu correo is to confirm, with what Elegí tu clave did: {@link CorreoAConfirmar#nota()}. */
    private static final String CORREO = "anses.correo";
    /** The code sent: {@link CodigoCorreo#nota()} (its salt, hash and end of validity). */
    private static final String CODIGO = "anses.correo.codigo";
    private static final String REENVIOS = "anses.correo.reenvios";
    /** A random id of this journey's confirmation: the key of its counted tries in Keycloak's single-use store. */
    private static final String CONFIRMACION = "anses.correo.id";
    /** Set when the online enablement succeeded: the page that says so is shown until COMENZAR A UTILIZAR. */
    private static final String HABILITADA = "anses.habilitacion.hecha";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthenticationSessionModel auth;
    private final Function<Cuil, Optional<Persona>> padron;

    Recorrido(AuthenticationSessionModel auth, Function<Cuil, Optional<Persona>> padron) {
        this.auth = auth;
        this.padron = padron;
    }

    /**
     * The request of this step's authentication session; persons are looked up in the realm's padrón, which is asked
     * for only when a person is (a login that passes through the pending clave's step never opens it).
     */
    static Recorrido de(AuthenticationFlowContext context) {
        return new Recorrido(context.getAuthenticationSession(),
                cuil -> context.getSession().getProvider(PadronProvider.class).buscar(cuil));
    }

    /** Step 1: the Políticas de Seguridad of this version were accepted. */
    void politicasAceptadas(String version) {
        auth.setAuthNote(POLITICAS_VERSION, version);
    }

    /** The version of the policies accepted, null when none was (a flow without the step). */
    String politicasVersion() {
        return auth.getAuthNote(POLITICAS_VERSION);
    }

    /** Step 2: the CUIL the journey is for, and whether the citizen said they live abroad. */
    void cuil(Cuil cuil, boolean exterior) {
        auth.setAuthNote(CUIL, cuil.digitos());
        if (exterior) {
            auth.setAuthNote(EXTERIOR, Boolean.TRUE.toString());
        } else {
            auth.removeAuthNote(EXTERIOR);
        }
    }

    Optional<Cuil> cuil() {
        return Optional.ofNullable(auth.getAuthNote(CUIL)).map(Cuil::leer).filter(Cuil.Lectura::esValido).map(Cuil.Lectura::cuil);
    }

    /** The padrón's person of the journey's CUIL. */
    Optional<Persona> persona() {
        return cuil().flatMap(padron);
    }

    /** Whether the citizen said they live abroad (then nothing is verified now and the clave is created pending). */
    boolean exterior() {
        return auth.getAuthNote(EXTERIOR) != null;
    }

    /** The resident abroad of this journey, if they said they live abroad. */
    Optional<Persona> delExterior() {
        return exterior() ? persona() : Optional.empty();
    }

    /** Step 3: the identity of this CUIL's person is proven. */
    void identidadVerificada(Cuil cuil) {
        auth.setAuthNote(IDENTIDAD_VERIFICADA, cuil.digitos());
    }

    /** The CUIL whose identity this journey proved, if it did (and still is the journey's CUIL). */
    Optional<Cuil> verificado() {
        String verificado = auth.getAuthNote(IDENTIDAD_VERIFICADA);
        return cuil().filter(cuil -> cuil.digitos().equals(verificado));
    }

    /** The person whose identity this journey proved, if it did. */
    Optional<Persona> verificada() {
        return verificado().flatMap(padron);
    }

    /** What Elegí tu clave leaves for Confirmá tu correo: the address typed, and what it did to the clave. */
    record CorreoAConfirmar(String direccion, Clave clave, int nivelAnterior) {

        private String nota() {
            return clave.valor() + " " + nivelAnterior + " " + direccion;
        }

        private static Optional<CorreoAConfirmar> deNota(String nota) {
            String[] partes = nota == null ? new String[0] : nota.split(" ", 3);
            if (partes.length < 3) {
                return Optional.empty();
            }
            return Clave.de(partes[0]).map(clave -> new CorreoAConfirmar(partes[2], clave, Integer.parseInt(partes[1])));
        }
    }

    /** Elegí tu clave: this address waits to be confirmed; a code of an earlier pass is no longer valid. */
    void correoAConfirmar(CorreoAConfirmar correo) {
        auth.setAuthNote(CORREO, correo.nota());
        auth.removeAuthNote(CODIGO);
    }

    /** Elegí tu clave: nothing to confirm (no address typed, or the verified one again). */
    void sinCorreoAConfirmar() {
        auth.removeAuthNote(CORREO);
        auth.removeAuthNote(CODIGO);
    }

    Optional<CorreoAConfirmar> correoAConfirmar() {
        return CorreoAConfirmar.deNota(auth.getAuthNote(CORREO));
    }

    /** The first code of a confirmation: a new id for its counted tries, no resends yet. */
    void primerCodigo(CodigoCorreo codigo) {
        auth.setAuthNote(CONFIRMACION, UUID.randomUUID().toString());
        auth.setAuthNote(REENVIOS, "0");
        codigo(codigo);
    }

    /** A code sent again, in place of the last one. */
    void codigoReenviado(CodigoCorreo codigo) {
        auth.setAuthNote(REENVIOS, String.valueOf(reenvios() + 1));
        codigo(codigo);
    }

    private void codigo(CodigoCorreo codigo) {
        auth.setAuthNote(CODIGO, codigo.nota());
    }

    /** What is kept of the last code sent, if one was. */
    Optional<CodigoCorreo> codigo() {
        return CodigoCorreo.deNota(auth.getAuthNote(CODIGO));
    }

    int reenvios() {
        String reenvios = auth.getAuthNote(REENVIOS);
        try {
            return reenvios == null ? 0 : Integer.parseInt(reenvios);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The id of this journey's confirmation, null before its first code. */
    String confirmacion() {
        return auth.getAuthNote(CONFIRMACION);
    }

    /** The address confirmed, skipped or not confirmable: nothing of it is left to confirm. */
    void correoTerminado() {
        auth.removeAuthNote(CORREO);
        auth.removeAuthNote(CODIGO);
        auth.removeAuthNote(REENVIOS);
    }

    /** The pending request the login was made with (its id, written by the login's form), if any. */
    String solicitudPendiente() {
        return auth.getAuthNote(ClavesPendientes.NOTA_SOLICITUD);
    }

    void solicitudPendiente(String id) {
        auth.setAuthNote(ClavesPendientes.NOTA_SOLICITUD, id);
    }

    /** The account whose pending clave this login has just enabled online, null when none: its page awaits COMENZAR. */
    String habilitadaEnLinea() {
        return auth.getAuthNote(HABILITADA);
    }

    /** The account whose pending clave was just enabled ({@code userId}), or null once the citizen goes on to the app. */
    void habilitadaEnLinea(String userId) {
        if (userId == null) {
            auth.removeAuthNote(HABILITADA);
        } else {
            auth.setAuthNote(HABILITADA, userId);
        }
    }

    /** The pending request is over (enabled, discarded or expired): the login goes on without it. */
    void sinSolicitudPendiente() {
        auth.removeAuthNote(ClavesPendientes.NOTA_SOLICITUD);
    }

    /** The knowledge questions of the attempt in progress. */
    Preguntas preguntas() {
        return new Preguntas();
    }

    /**
     * The knowledge questions of the attempt in progress (the page carries option texts and indexes only), and the kinds
     * the previous set asked, which the next set asks last.
     */
    final class Preguntas {

        private Preguntas() {
        }

        /** The kinds of the set asked last in this session (none before the first). */
        Set<TipoPregunta> anteriores() {
            Set<TipoPregunta> anteriores = EnumSet.noneOf(TipoPregunta.class);
            String previas = auth.getAuthNote(PREGUNTAS_ANTERIORES);
            if (previas != null && !previas.isEmpty()) {
                Arrays.stream(previas.split(",")).map(TipoPregunta::valueOf).forEach(anteriores::add);
            }
            return anteriores;
        }

        /** Keeps a new set: the next answers are judged against it, and the set after it asks these kinds last. */
        void guardar(List<Pregunta> preguntas) {
            try {
                auth.setAuthNote(PREGUNTAS, JSON.writeValueAsString(preguntas));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            auth.setAuthNote(PREGUNTAS_ANTERIORES, preguntas.stream().map(p -> p.tipo().name()).collect(Collectors.joining(",")));
        }

        /** The set shown and not yet judged; empty when there is none (or the note cannot be read). */
        List<Pregunta> actuales() {
            String json = auth.getAuthNote(PREGUNTAS);
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
            auth.removeAuthNote(PREGUNTAS);
        }
    }
}
