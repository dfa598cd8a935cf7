package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuil.Cuil;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.habilitacion.EstadoClave;
import ar.gob.anses.clavess.nivel.Nivel;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.IntentosVerificacion;
import ar.gob.anses.clavess.verificacion.TipoIntentos;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * After the clave of the login: a {@link EstadoClave#PENDIENTE} clave goes no further (no session, no token for any
 * app). Its page says since when it is pending, how many of the days to enable it are left and the two ways (seed
 * 003, B.5): online here, with knowledge questions from the padrón and 2 attempts per CUIL charged in the database
 * before they are judged (their own count, apart from Crear clave's: failing them does not lock the real person out
 * of Crear clave), or on paper with the USI-07. Enabled online, the clave gets level 2 and the login goes on. Any
 * other clave passes straight through.
 */
final class ClavePendienteAuthenticator implements Paso {

    static final String TEMPLATE = "anses-clave-pendiente.ftl";
    static final String ACCION_HABILITAR = "habilitar";
    static final String PASO = "habilitar";
    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("America/Argentina/Buenos_Aires"));

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || EstadoClave.de(user) != EstadoClave.PENDIENTE) {
            context.success();
            return;
        }
        ClavesPendientes pendientes = context.getSession().getProvider(ClavesPendientes.class);
        if (pendientes.vencida(user)) {
            // The deletion task has not run yet: the deadline is the same.
            pendientes.eliminar(context.getRealm(), user);
            context.clearUser();
            context.challenge(Paginas.info(context, "ansesClavePendienteVencidaTitulo", "ansesClavePendienteVencida",
                    pendientes.plazo().dias()));
            return;
        }
        context.challenge(pendientePage(context, user));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || EstadoClave.de(user) != EstadoClave.PENDIENTE) {
            context.success();
            return;
        }
        context.getEvent().user(user).detail(Details.USERNAME, user.getUsername()); // on every event of this step
        Optional<Persona> persona = context.getSession().getProvider(PadronProvider.class).buscar(Cuil.leer(user.getUsername()).cuil());
        if (persona.isEmpty()) {
            context.challenge(Paginas.info(context, "ansesCuilNoEnPadronTitulo", "ansesHabilitacionSinPadron"));
            return;
        }
        IntentosDelPedido intentos = intentos(context, user);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(ACCION_HABILITAR) || form.containsKey(VerificacionPorPreguntas.FIELD_NUEVO_INTENTO)) {
            if (!intentos.bloqueada()) {
                new VerificacionPorPreguntas(context, true).preguntarNuevas(persona.get());
            }
            return;
        }
        if (new PreguntasEnSesion(context.getAuthenticationSession()).actuales().isEmpty()) {
            context.challenge(pendientePage(context, user)); // nothing asked: back to the page
            return;
        }
        if (intentos.bloqueada()) {
            return;
        }
        new VerificacionPorPreguntas(context, true).verificar(persona.get(), intentos, form)
                .ifPresent(cargado -> habilitada(context, user, persona.get(), intentos, cargado));
    }

    private static void habilitada(AuthenticationFlowContext context, UserModel user, Persona persona,
                                   IntentosDelPedido intentos, IntentosVerificacion cargado) {
        intentos.acierto(cargado);
        if (persona.bajoCuratela()) {
            new Eventos(context, PASO).error("anses_bajo_curatela");
            context.challenge(Paginas.info(context, "ansesCuratelaTitulo", "ansesCuratela"));
            return;
        }
        EstadoClave.HABILITADA.asignar(user);
        user.setSingleAttribute(Nivel.ATRIBUTO, String.valueOf(Nivel.ONLINE));
        context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user).detail(CrearClaveNotes.EVENT_PASO, PASO)
                .detail(EstadoClave.ATRIBUTO, EstadoClave.HABILITADA.name()).success();
        context.success();
    }

    private static IntentosDelPedido intentos(AuthenticationFlowContext context, UserModel user) {
        return new IntentosDelPedido(context, user.getUsername(), TipoIntentos.HABILITACION,
                new VerificacionConfig(context.getAuthenticatorConfig(), VerificacionConfig.HABILITACION),
                IntentosDelPedido.BLOQUEO_HABILITACION);
    }

    static Response pendientePage(AuthenticationFlowContext context, UserModel user) {
        ClavesPendientes pendientes = context.getSession().getProvider(ClavesPendientes.class);
        return context.form()
                .setAttribute("cuil", Cuil.leer(user.getUsername()).cuil().conGuiones())
                .setAttribute("creada", FECHA.format(Instant.ofEpochMilli(user.getCreatedTimestamp())))
                .setAttribute("vence", FECHA.format(Instant.ofEpochMilli(pendientes.venceMillis(user))))
                .setAttribute("diasRestantes", pendientes.diasRestantes(user))
                .setAttribute("plazoDias", pendientes.plazo().dias())
                .setAttribute("intentosHabilitacion", new VerificacionConfig(context.getAuthenticatorConfig(), VerificacionConfig.HABILITACION).intentos())
                .createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
