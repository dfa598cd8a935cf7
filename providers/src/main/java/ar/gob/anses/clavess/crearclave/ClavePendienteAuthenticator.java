package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes.Solicitud;
import ar.gob.anses.clavess.padron.Curatela;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.usi07.Usi07;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * After the clave of the login: a login made with a pending request's clave (there is no account, see
 * {@link ClavesPendientes}) goes no further (no session, no token for any app). Its page says since when that request
 * is pending, how many of the days to enable it are left and the two ways (seed 003, B.5): online here, with knowledge
 * questions from the padrón and 2 attempts per request, under a ceiling per CUIL (IntentosHabilitacion), charged in the
 * database before they are judged (their own count, apart from Crear clave's: failing them does not lock the real
 * person out of Crear clave), or on paper with the USI-07, downloaded here. Enabled online, the request becomes the
 * account with level 2, the page says so (seed 003 C.5, in seed 002's words: level 3 needs an office) and COMENZAR A
 * UTILIZAR goes on as that user. A login to an account passes straight through. A request's clave on a CUIL that has
 * an account gets the same page and questions (nothing before them tells the two apart); right answers prove identity, and only
 * then is the person told that the CUIL has a clave and how to recover it.
 */
final class ClavePendienteAuthenticator implements Paso {

    static final String TEMPLATE = "anses-clave-pendiente.ftl";
    static final String ACCION_HABILITAR = "habilitar";
    static final DetallesEvento.Paso PASO = DetallesEvento.Paso.HABILITAR;
    private static final String TITULO_HABILITADA = "ansesClaveHabilitadaTitulo";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (habilitadaRecien(context)) {
            context.challenge(FinalizarAuthenticator.page(context, TITULO_HABILITADA, false)); // a reload of that page
            return;
        }
        Optional<Solicitud> solicitud = solicitud(context);
        if (solicitud.isEmpty()) {
            return;
        }
        ClavesPendientes pendientes = pendientes(context);
        if (pendientes.vencida(solicitud.get())) {
            // The deletion task has not run yet: the deadline is the same.
            pendientes.eliminarVencida(context.getRealm(), solicitud.get());
            Recorrido.de(context).sinSolicitudPendiente();
            context.challenge(Paginas.info(context, "ansesClavePendienteVencidaTitulo", "ansesClavePendienteVencida",
                    pendientes.plazo().dias()));
            return;
        }
        if (Usi07.pedida(context.getHttpRequest())) {
            // Posted to the step's refresh URL (see FinalizarAuthenticator): the page's session code stays usable.
            context.challenge(Usi07.descarga(context.getSession(), context.getRealm(), solicitud.get(), pendientes.plazo().dias()));
            return;
        }
        context.challenge(pendientePage(context, solicitud.get()));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (habilitadaRecien(context)) {
            // COMENZAR A UTILIZAR: on to the app (through the second factor and the app's level, as any login).
            Recorrido.de(context).habilitadaEnLinea(null);
            context.success();
            return;
        }
        Optional<Solicitud> encontrada = solicitud(context);
        if (encontrada.isEmpty()) {
            return;
        }
        Solicitud solicitud = encontrada.get();
        context.getEvent().detail(Details.USERNAME, solicitud.cuil()); // on every event of this step
        Optional<Persona> persona = context.getSession().getProvider(PadronProvider.class).buscar(Cuil.leer(solicitud.cuil()).cuil());
        if (persona.isEmpty()) {
            context.challenge(Paginas.info(context, "ansesCuilNoEnPadronTitulo", "ansesHabilitacionSinPadron"));
            return;
        }
        IntentosDelPedido intentos = IntentosDelPedido.deLaSolicitud(context, solicitud, pendientes(context).venceMillis(solicitud));
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(ACCION_HABILITAR) || form.containsKey(VerificacionPorPreguntas.FIELD_NUEVO_INTENTO)) {
            if (!intentos.bloqueada()) {
                new VerificacionPorPreguntas(context, true).preguntarNuevas(persona.get());
            }
            return;
        }
        if (Recorrido.de(context).preguntas().actuales().isEmpty()) {
            context.challenge(pendientePage(context, solicitud)); // nothing asked: back to the page
            return;
        }
        if (intentos.bloqueada()) {
            return;
        }
        if (new VerificacionPorPreguntas(context, true).verificar(persona.get(), intentos, form)) {
            habilitada(context, solicitud, persona.get());
        }
    }

    private static void habilitada(AuthenticationFlowContext context, Solicitud solicitud, Persona persona) {
        if (Curatela.impideClave(persona)) {
            new Eventos(context, PASO).error(Curatela.ERROR);
            context.challenge(Paginas.info(context, "ansesCuratelaTitulo", "ansesCuratela"));
            return;
        }
        if (context.getSession().users().getUserByUsername(context.getRealm(), solicitud.cuil()) != null) {
            // The CUIL has an account: its requests never open it. Identity is proven now (the same questions as Olvidé
            // mi clave), so the truth can be told; the account and its clave stay as they are, and the CUIL's requests
            // (this one and any stranger's) are discarded, as when the person proves identity in Crear clave.
            pendientes(context).descartar(context.getRealm(), solicitud.cuil());
            Recorrido.de(context).sinSolicitudPendiente();
            new Eventos(context, PASO).error("anses_habilitacion_cuil_con_clave");
            context.challenge(Paginas.info(context, "ansesHabilitacionCuilConClaveTitulo", "ansesHabilitacionCuilConClave"));
            return;
        }
        Optional<String> id = pendientes(context).habilitar(context.getRealm(), solicitud,
                new ClavesPendientes.Habilitacion(Nivel.ONLINE, persona, user -> { }));
        Recorrido.de(context).sinSolicitudPendiente();
        UserModel user = id.map(u -> context.getSession().users().getUserById(context.getRealm(), u)).orElse(null);
        if (user == null) {
            // Another of the CUIL's requests was enabled a moment ago (or the person proved identity in Crear clave):
            // that account stands, and this request is gone with the others.
            new Eventos(context, PASO).error("anses_solicitud_no_vigente");
            context.challenge(Paginas.info(context, "ansesSolicitudNoVigenteTitulo", "ansesSolicitudNoVigente"));
            return;
        }
        context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user).detail(DetallesEvento.PASO, PASO.valor())
                .detail(DetallesEvento.ESTADO_CLAVE, EstadoClave.HABILITADA.name()).success();
        context.setUser(user);
        // Seed 003 C.5 / seed 002's Finalizar: "Tu clave fue habilitada exitosamente", its level and what level 3 needs.
        Recorrido.de(context).habilitadaEnLinea(user.getId());
        context.challenge(FinalizarAuthenticator.page(context, TITULO_HABILITADA, false));
    }

    /** Whether this login just enabled its pending clave online, whose page awaits COMENZAR A UTILIZAR. */
    private static boolean habilitadaRecien(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        return user != null && user.getId().equals(Recorrido.de(context).habilitadaEnLinea());
    }

    /**
     * The request this login was made with. Empty, with the flow moved on, for a login to an account; a pending clave of
     * an earlier version, kept as a user, becomes a request here first.
     */
    private static Optional<Solicitud> solicitud(AuthenticationFlowContext context) {
        ClavesPendientes pendientes = pendientes(context);
        UserModel user = context.getUser();
        if (user != null && EstadoClave.de(user) == EstadoClave.PENDIENTE) {
            context.clearUser();
            pendientes.migrar(context.getRealm(), user.getUsername())
                    .ifPresent(s -> Recorrido.de(context).solicitudPendiente(s.id()));
        } else if (user != null) {
            context.success();
            return Optional.empty();
        }
        Optional<Solicitud> solicitud = pendientes.buscar(context.getRealm(), Recorrido.de(context).solicitudPendiente());
        if (solicitud.isEmpty()) {
            Recorrido.de(context).sinSolicitudPendiente();
            context.challenge(Paginas.info(context, "ansesSolicitudNoVigenteTitulo", "ansesSolicitudNoVigente"));
        }
        return solicitud;
    }

    private static ClavesPendientes pendientes(AuthenticationFlowContext context) {
        return context.getSession().getProvider(ClavesPendientes.class);
    }

    static Response pendientePage(AuthenticationFlowContext context, Solicitud solicitud) {
        ClavesPendientes pendientes = pendientes(context);
        return context.form()
                .setAttribute("cuil", Cuil.leer(solicitud.cuil()).cuil().conGuiones())
                .setAttribute("creada", HoraArgentina.FECHA.format(Instant.ofEpochMilli(solicitud.creadaMillis())))
                .setAttribute("vence", HoraArgentina.FECHA.format(Instant.ofEpochMilli(pendientes.venceMillis(solicitud))))
                .setAttribute("diasRestantes", pendientes.diasRestantes(solicitud))
                .setAttribute("plazoDias", pendientes.plazo().dias())
                .setAttribute("usi07Url", context.getRefreshExecutionUrl().toString())
                .setAttribute("intentosHabilitacion", new VerificacionConfig(context.getAuthenticatorConfig(), VerificacionConfig.HABILITACION).intentos())
                .createForm(TEMPLATE);
    }
}
