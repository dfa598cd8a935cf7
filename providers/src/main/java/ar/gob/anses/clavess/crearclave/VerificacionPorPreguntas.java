package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.GeneradorPreguntas;
import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.SecretoDelRealm;
import jakarta.ws.rs.core.MultivaluedMap;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The knowledge-question branch of identity verification: the padrón has no trámite number for the person. A set
 * is drawn ({@link GeneradorPreguntas}), kept in the authentication session ({@link Recorrido.Preguntas}) and judged
 * once, all answers right or the attempt fails.
 */
final class VerificacionPorPreguntas {

    static final String FIELD_RESPUESTA = "respuesta-";
    static final String FIELD_NUEVO_INTENTO = "nuevoIntento";
    static final DetallesEvento.Paso PASO = DetallesEvento.Paso.PREGUNTAS;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthenticationFlowContext context;
    private final Recorrido.Preguntas enSesion;
    private final boolean habilitacion;

    /** Crear clave's questions. */
    VerificacionPorPreguntas(AuthenticationFlowContext context) {
        this(context, false);
    }

    /** {@code habilitacion}: the questions enable a pending clave, and the pages say so. */
    VerificacionPorPreguntas(AuthenticationFlowContext context, boolean habilitacion) {
        this.context = context;
        this.enSesion = Recorrido.de(context).preguntas();
        this.habilitacion = habilitacion;
    }

    /** Draws a new set (other kinds first after a failed one) and shows it. */
    void preguntarNuevas(Persona persona) {
        PadronProvider padron = context.getSession().getProvider(PadronProvider.class);
        List<Pregunta> preguntas = new GeneradorPreguntas(SecretoDelRealm.de(context.getSession(), context.getRealm()), padron.empleadores(), RANDOM)
                .intento(persona, new VerificacionConfig(context.getAuthenticatorConfig()).preguntas(), enSesion.anteriores());
        enSesion.guardar(preguntas);
        context.challenge(preguntasPage(preguntas).createForm("anses-preguntas.ftl"));
    }

    /**
     * Judges the answers to the set in the session. An incomplete set is shown again and is not an attempt; a
     * complete one is forgotten, then charged and compared in one commit. True when every answer is right (identity
     * proven, the count cleared); false with the page to show already set.
     */
    boolean verificar(Persona persona, IntentosDelPedido intentos, MultivaluedMap<String, String> form) {
        List<Pregunta> preguntas = enSesion.actuales();
        if (preguntas.isEmpty()) {
            preguntarNuevas(persona);
            return false;
        }
        int[] elegidas = elegidas(preguntas, form::getFirst);
        if (Arrays.stream(elegidas).anyMatch(e -> e < 0)) {
            // Same questions again, same order: nothing learnt from an incomplete form.
            context.challenge(preguntasPage(preguntas).setError("ansesPreguntasIncompletas").createForm("anses-preguntas.ftl"));
            return false;
        }
        enSesion.olvidar();
        Optional<IntentosDelPedido.Juicio> juicio = intentos.juzgar(PASO, "anses_preguntas_incorrectas", () -> aciertan(preguntas, elegidas));
        if (juicio.isEmpty()) {
            return false; // locked: the lock page is set
        }
        if (!juicio.get().acertada()) {
            context.challenge(form().setAttribute("intentosRestantes", juicio.get().restantes()).createForm("anses-verificacion-error.ftl"));
        }
        return juicio.get().acertada();
    }

    /** The option chosen for each question (fields respuesta-0, respuesta-1, …): -1 where missing or out of range. */
    static int[] elegidas(List<Pregunta> preguntas, Function<String, String> campo) {
        int[] elegidas = new int[preguntas.size()];
        for (int i = 0; i < preguntas.size(); i++) {
            elegidas[i] = opcion(campo.apply(FIELD_RESPUESTA + i), preguntas.get(i));
        }
        return elegidas;
    }

    /** True when every question got its right option. */
    static boolean aciertan(List<Pregunta> preguntas, int[] elegidas) {
        return Pregunta.aciertan(preguntas, elegidas);
    }

    /** The chosen option's index, or -1 when missing or out of range. */
    private static int opcion(String value, Pregunta pregunta) {
        if (value == null || !value.matches("[0-9]{1,2}")) {
            return -1;
        }
        int index = Integer.parseInt(value);
        return pregunta.ofrece(index) ? index : -1;
    }

    private LoginFormsProvider preguntasPage(List<Pregunta> preguntas) {
        return form().setAttribute("preguntas", preguntas);
    }

    private LoginFormsProvider form() {
        LoginFormsProvider form = context.form();
        return habilitacion ? form.setAttribute("ansesHabilitacion", true) : form;
    }
}
