package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuil.Cuil;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.GeneradorPreguntas;
import ar.gob.anses.clavess.verificacion.IntentosVerificacion;
import ar.gob.anses.clavess.verificacion.IntentosVerificacionStore;
import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Step 3 of Crear clave: prove identity with the trámite number of the DNI or, when the registry has
 * none, with knowledge questions. Failures count per CUIL in the database; at the limit verification
 * locks. Personal circumstances (curatela, a disabled account) are told only once identity is proven.
 */
final class VerificacionIdentidadAuthenticator implements Paso {

    static final String FIELD_TRAMITE = "tramite";
    static final String FIELD_RESPUESTA = "respuesta-";
    static final String FIELD_NUEVO_INTENTO = "nuevoIntento";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<Persona> persona = persona(context);
        if (persona.isEmpty()) {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR); // no CUIL step before this one
            return;
        }
        if (bloqueada(context, persona.get())) {
            return;
        }
        if (!persona.get().tramites().isEmpty()) {
            context.challenge(context.form().createForm("anses-tramite.ftl"));
        } else {
            preguntarNuevas(context, persona.get());
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<Persona> persona = persona(context);
        if (persona.isEmpty()) {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            return;
        }
        if (bloqueada(context, persona.get())) {
            return; // locked meanwhile, perhaps from another browser
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (!persona.get().tramites().isEmpty()) {
            tramite(context, persona.get(), form.getFirst(FIELD_TRAMITE));
        } else if (form.containsKey(FIELD_NUEVO_INTENTO)) {
            preguntarNuevas(context, persona.get());
        } else {
            respuestas(context, persona.get(), form);
        }
    }

    private void tramite(AuthenticationFlowContext context, Persona persona, String typed) {
        String tramite = typed == null ? "" : typed.replaceAll("[\\s.\\-]", "");
        if (!tramite.matches("[0-9]{11}")) {
            // A typo in the form of the number is not a failed verification.
            context.challenge(context.form().setAttribute("tramiteIngresado", typed == null ? "" : typed)
                    .addError(new FormMessage(FIELD_TRAMITE, "ansesTramiteFormato")).createForm("anses-tramite.ftl"));
            return;
        }
        Optional<IntentosVerificacion> cargado = cargar(context, persona, "tramite");
        if (cargado.isEmpty()) {
            return;
        }
        if (persona.tramites().contains(tramite)) {
            verificada(context, persona, cargado.get(), "tramite");
            return;
        }
        if (fallo(context, cargado.get(), "anses_tramite_incorrecto", "tramite")) {
            context.challenge(context.form().addError(new FormMessage(FIELD_TRAMITE, "ansesTramiteIncorrecto", restantes(context, cargado.get())))
                    .createForm("anses-tramite.ftl"));
        }
    }

    private void respuestas(AuthenticationFlowContext context, Persona persona, MultivaluedMap<String, String> form) {
        List<Pregunta> preguntas = preguntasActuales(context.getAuthenticationSession());
        if (preguntas.isEmpty()) {
            preguntarNuevas(context, persona);
            return;
        }
        int[] elegidas = new int[preguntas.size()];
        for (int i = 0; i < preguntas.size(); i++) {
            elegidas[i] = opcion(form.getFirst(FIELD_RESPUESTA + i), preguntas.get(i));
        }
        if (Arrays.stream(elegidas).anyMatch(e -> e < 0)) {
            // Same questions again, same order: nothing learnt from an incomplete form.
            context.challenge(preguntasPage(context, preguntas).setError("ansesPreguntasIncompletas").createForm("anses-preguntas.ftl"));
            return;
        }
        context.getAuthenticationSession().removeAuthNote(CrearClaveNotes.PREGUNTAS);
        Optional<IntentosVerificacion> cargado = cargar(context, persona, "preguntas");
        if (cargado.isEmpty()) {
            return;
        }
        boolean todas = true;
        for (int i = 0; i < preguntas.size(); i++) {
            todas &= preguntas.get(i).acierta(elegidas[i]);
        }
        if (todas) {
            verificada(context, persona, cargado.get(), "preguntas");
            return;
        }
        if (fallo(context, cargado.get(), "anses_preguntas_incorrectas", "preguntas")) {
            context.challenge(context.form().setAttribute("intentosRestantes", restantes(context, cargado.get()))
                    .createForm("anses-verificacion-error.ftl"));
        }
    }

    /**
     * Charges this attempt before its answer is looked at (see IntentosVerificacionStore). Empty, with the
     * lock page shown, when verification is locked: the answer is then never compared.
     */
    private static Optional<IntentosVerificacion> cargar(AuthenticationFlowContext context, Persona persona, String paso) {
        VerificacionConfig config = new VerificacionConfig(context.getAuthenticatorConfig());
        IntentosVerificacionStore.Cargo cargo = store(context)
                .cargar(persona.cuil().digits(), Time.currentTime(), config.intentos(), config.bloqueoSegundos());
        if (!cargo.comparable()) {
            new Eventos(context, paso).error("anses_verificacion_bloqueada");
            context.challenge(bloqueoPage(context, cargo.estado()));
            return Optional.empty();
        }
        return Optional.of(cargo.estado());
    }

    /** A wrong answer, already charged: records it; false, with the lock page shown, when it locked verification. */
    private static boolean fallo(AuthenticationFlowContext context, IntentosVerificacion cargado, String motivo, String paso) {
        new Eventos(context, paso).error(motivo);
        if (cargado.bloqueada(Time.currentTime())) {
            new Eventos(context, paso).error("anses_verificacion_bloqueada");
            context.challenge(bloqueoPage(context, cargado));
            return false;
        }
        return true;
    }

    private static int restantes(AuthenticationFlowContext context, IntentosVerificacion cargado) {
        return cargado.restantes(new VerificacionConfig(context.getAuthenticatorConfig()).intentos(), Time.currentTime());
    }

    private boolean bloqueada(AuthenticationFlowContext context, Persona persona) {
        IntentosVerificacion intentos = store(context).get(persona.cuil().digits());
        if (!intentos.bloqueada(Time.currentTime())) {
            return false;
        }
        context.challenge(bloqueoPage(context, intentos));
        return true;
    }

    private static Response bloqueoPage(AuthenticationFlowContext context, IntentosVerificacion intentos) {
        long horas = Math.max(1, (intentos.bloqueadaHasta() - Time.currentTime() + 3599) / 3600);
        return Paginas.info(context, "ansesVerificacionBloqueadaTitulo", "ansesVerificacionBloqueada", horas);
    }

    private void verificada(AuthenticationFlowContext context, Persona persona, IntentosVerificacion cargado, String paso) {
        store(context).acierto(persona.cuil().digits(), cargado, Time.currentTime());
        Eventos eventos = new Eventos(context, paso);
        if (persona.bajoCuratela()) {
            eventos.error("anses_bajo_curatela");
            context.challenge(Paginas.info(context, "ansesCuratelaTitulo", "ansesCuratela"));
            return;
        }
        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), persona.cuil().digits());
        if (user != null && !user.isEnabled()) {
            eventos.error("anses_usuario_deshabilitado");
            context.challenge(Paginas.info(context, "ansesCuentaDeshabilitadaTitulo", "ansesClaveDisabled"));
            return;
        }
        context.getAuthenticationSession().setAuthNote(CrearClaveNotes.IDENTIDAD_VERIFICADA, persona.cuil().digits());
        eventos.exito();
        context.success();
    }

    private void preguntarNuevas(AuthenticationFlowContext context, Persona persona) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Set<TipoPregunta> anteriores = EnumSet.noneOf(TipoPregunta.class);
        String previas = authSession.getAuthNote(CrearClaveNotes.PREGUNTAS_ANTERIORES);
        if (previas != null && !previas.isEmpty()) {
            Arrays.stream(previas.split(",")).map(TipoPregunta::valueOf).forEach(anteriores::add);
        }
        PadronProvider padron = context.getSession().getProvider(PadronProvider.class);
        List<Pregunta> preguntas = new GeneradorPreguntas(secreto(context), padron.empleadores(), RANDOM)
                .intento(persona, new VerificacionConfig(context.getAuthenticatorConfig()).preguntas(), anteriores);
        try {
            authSession.setAuthNote(CrearClaveNotes.PREGUNTAS, JSON.writeValueAsString(preguntas));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        authSession.setAuthNote(CrearClaveNotes.PREGUNTAS_ANTERIORES,
                preguntas.stream().map(p -> p.tipo().name()).collect(Collectors.joining(",")));
        context.challenge(preguntasPage(context, preguntas).createForm("anses-preguntas.ftl"));
    }

    private static LoginFormsProvider preguntasPage(AuthenticationFlowContext context, List<Pregunta> preguntas) {
        return context.form().setAttribute("preguntas", preguntas);
    }

    private static List<Pregunta> preguntasActuales(AuthenticationSessionModel authSession) {
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

    /** The chosen option's index, or -1 when missing or out of range. */
    private static int opcion(String value, Pregunta pregunta) {
        if (value == null || !value.matches("[0-9]{1,2}")) {
            return -1;
        }
        int index = Integer.parseInt(value);
        return index <= pregunta.ninguna() ? index : -1;
    }

    /** The realm's HMAC key: secret, per realm, and the same on every node of a cluster. */
    private static byte[] secreto(AuthenticationFlowContext context) {
        KeyWrapper key = context.getSession().keys().getActiveKey(context.getRealm(), KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("realm " + context.getRealm().getName() + " has no active HS512 key");
        }
        return key.getSecretKey().getEncoded();
    }

    private static IntentosVerificacionStore store(AuthenticationFlowContext context) {
        return new IntentosVerificacionStore(context.getSession(), context.getRealm());
    }

    private static Optional<Persona> persona(AuthenticationFlowContext context) {
        String cuil = context.getAuthenticationSession().getAuthNote(CrearClaveNotes.CUIL);
        if (cuil == null) {
            return Optional.empty();
        }
        return context.getSession().getProvider(PadronProvider.class).find(Cuil.parse(cuil).cuil());
    }
}
