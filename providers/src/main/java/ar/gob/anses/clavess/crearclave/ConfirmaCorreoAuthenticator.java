package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.crearclave.Recorrido.CorreoAConfirmar;
import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.flujo.Correo;
import ar.gob.anses.clavess.flujo.Paso;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Crear clave, after Elegí tu clave: confirms the address typed there with a 6-digit code sent to it, before any
 * notice goes to it. The clave is already created (committed before the code is even sent), so nothing here can
 * undo it: "Saltear" goes on with the address unverified (or, when the citizen already had a verified one, with that
 * one kept). A citizen who typed no address, or her verified one again, never sees this page.
 *
 * <p>The authentication session keeps a hash of the code, never the code. Wrong codes are charged before the compare,
 * in Keycloak's single-use store ({@code putIfAbsent}, atomic on a cluster), so parallel guesses get no more tries
 * than sequential ones; a right code is used once. Confirming sets the address verified on the user and sends
 * Keycloak's {@code UPDATE_EMAIL} event with the previous and the new address, from which the notices tell the old
 * address of the change, or send the new citizen's creation notice to the address now confirmed.
 */
final class ConfirmaCorreoAuthenticator implements Paso {

    static final String TEMPLATE = "anses-confirma-correo.ftl";
    static final String TEMPLATE_CORREO = "anses-codigo-correo.ftl";
    static final String FIELD_CODIGO = "codigo";
    static final String SALTEAR = "saltear";
    static final String REENVIAR = "reenviar";
    private static final String INTENTO_KEY = "anses-correo-intento:";
    private static final String USADO_KEY = "anses-correo-usado:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(ConfirmaCorreoAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Recorrido recorrido = Recorrido.de(context);
        Optional<CorreoAConfirmar> correo = recorrido.correoAConfirmar();
        if (correo.isEmpty() || context.getUser() == null) {
            context.success(); // no address typed, or the verified one again: nothing to confirm
            return;
        }
        if (!hayServidorDeCorreo(context.getRealm())) {
            // Nothing can send a code: the address stays as Elegí tu clave left it (unverified, or the old one kept).
            LOG.infof("No code sent to confirm the address of user %s: realm %s has no SMTP server (Realm settings > Email)",
                    context.getUser().getId(), context.getRealm().getName());
            terminar(context, recorrido, DetallesEvento.Correo.SIN_SERVIDOR);
            return;
        }
        if (recorrido.codigo().isEmpty()) {
            recorrido.primerCodigo(enviarCodigo(context, correo.get().direccion()));
        }
        // A reload of the page shows it again: a new code only when asked for (Reenviar).
        context.challenge(page(context, recorrido).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Recorrido recorrido = Recorrido.de(context);
        Optional<CorreoAConfirmar> correo = recorrido.correoAConfirmar();
        Optional<CodigoCorreo> guardado = recorrido.codigo();
        if (correo.isEmpty() || guardado.isEmpty()) {
            context.success(); // nothing left to confirm (an old page sent again)
            return;
        }
        CorreoConfig config = new CorreoConfig(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(SALTEAR)) {
            terminar(context, recorrido, DetallesEvento.Correo.SALTEADO);
        } else if (agotados(context, recorrido, config)) {
            context.challenge(page(context, recorrido).setError("ansesCodigoIntentosAgotados").createForm(TEMPLATE));
        } else if (form.containsKey(REENVIAR)) {
            reenviar(context, recorrido, config, correo.get().direccion());
        } else if (aceptado(context, recorrido, config, guardado.get(), form.getFirst(FIELD_CODIGO))) {
            confirmar(context, recorrido, correo.get());
        }
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Reenviar: a new code in place of the last one, while resends are left. */
    private static void reenviar(AuthenticationFlowContext context, Recorrido recorrido, CorreoConfig config, String direccion) {
        if (recorrido.reenvios() >= config.reenvios()) {
            context.challenge(page(context, recorrido).setError("ansesCodigoSinReenvios").createForm(TEMPLATE));
            return;
        }
        recorrido.codigoReenviado(enviarCodigo(context, direccion));
        context.challenge(page(context, recorrido).setInfo("ansesCodigoReenviado", direccion).createForm(TEMPLATE));
    }

    /**
     * Whether the code typed confirms the address, judged in this order: six digits (a typo costs no try), still valid,
     * a try charged, the right code, not used by a parallel request. Refused, the page says why.
     */
    private static boolean aceptado(AuthenticationFlowContext context, Recorrido recorrido, CorreoConfig config,
                                    CodigoCorreo guardado, String escrito) {
        String digitos = CodigoCorreo.leer(escrito);
        if (digitos == null) {
            return rechazado(context, page(context, recorrido).addError(new FormMessage(FIELD_CODIGO, "ansesCodigoFormato")));
        }
        if (guardado.vencido(Time.currentTime())) {
            return rechazado(context, recorrido, "anses_correo_codigo_vencido", "ansesCodigoVencido");
        }
        int intento = cargarIntento(context, recorrido, config);
        if (intento == 0) {
            new Eventos(context, DetallesEvento.Paso.CORREO).error("anses_correo_intentos_agotados");
            return rechazado(context, page(context, recorrido).setError("ansesCodigoIntentosAgotados"));
        }
        if (!guardado.es(digitos)) {
            return incorrecto(context, recorrido, config, intento);
        }
        String usado = USADO_KEY + recorrido.confirmacion() + ":" + guardado.salt();
        if (!context.getSession().singleUseObjects().putIfAbsent(usado, vidaDelPedido(context))) {
            // A parallel request confirmed with it first.
            return rechazado(context, recorrido, "anses_correo_codigo_usado", "ansesCodigoVencido");
        }
        return true;
    }

    /** A wrong code: the tries left, or none. */
    private static boolean incorrecto(AuthenticationFlowContext context, Recorrido recorrido, CorreoConfig config, int intento) {
        new Eventos(context, DetallesEvento.Paso.CORREO).error("anses_correo_codigo_incorrecto");
        if (intento >= config.intentos()) {
            new Eventos(context, DetallesEvento.Paso.CORREO).error("anses_correo_intentos_agotados");
            return rechazado(context, page(context, recorrido).setError("ansesCodigoIntentosAgotados"));
        }
        return rechazado(context, page(context, recorrido)
                .addError(new FormMessage(FIELD_CODIGO, "ansesCodigoIncorrecto", config.intentos() - intento)));
    }

    /** The code refused with an event's reason and the code field's message. */
    private static boolean rechazado(AuthenticationFlowContext context, Recorrido recorrido, String motivo, String mensaje) {
        new Eventos(context, DetallesEvento.Paso.CORREO).error(motivo);
        return rechazado(context, page(context, recorrido).addError(new FormMessage(FIELD_CODIGO, mensaje)));
    }

    private static boolean rechazado(AuthenticationFlowContext context, LoginFormsProvider page) {
        context.challenge(page.createForm(TEMPLATE));
        return false;
    }

    private static void confirmar(AuthenticationFlowContext context, Recorrido recorrido, CorreoAConfirmar correo) {
        UserModel user = context.getUser();
        String anterior = user.isEmailVerified() && user.getEmail() != null && !user.getEmail().isBlank() ? user.getEmail() : null;
        user.setEmail(correo.direccion());
        user.setEmailVerified(true);
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        context.getEvent().clone().event(EventType.UPDATE_EMAIL).user(user)
                .detail(DetallesEvento.PASO, DetallesEvento.Paso.CORREO.valor())
                .detail(Details.PREVIOUS_EMAIL, anterior)
                .detail(Details.UPDATED_EMAIL, user.getEmail())
                .detail(DetallesEvento.CORREO_ANTERIOR_VERIFICADO, DetallesEvento.si(anterior != null))
                .detail(DetallesEvento.CLAVE, correo.clave().valor())
                .detail(DetallesEvento.NIVEL_ANTERIOR, String.valueOf(correo.nivelAnterior()))
                .success();
        recorrido.correoTerminado();
        context.success();
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, Recorrido recorrido) {
        CorreoConfig config = new CorreoConfig(context.getAuthenticatorConfig());
        return context.form()
                .setAttribute("direccion", recorrido.correoAConfirmar().map(CorreoAConfirmar::direccion).orElse(null))
                .setAttribute("minutos", config.minutosValidez())
                .setAttribute("agotados", agotados(context, recorrido, config))
                .setAttribute("reenviosRestantes", Math.max(0, config.reenvios() - recorrido.reenvios()));
    }

    /** A new code, to replace the last one in the session; it is mailed once this request has committed (the clave with it). */
    private static CodigoCorreo enviarCodigo(AuthenticationFlowContext context, String direccion) {
        CorreoConfig config = new CorreoConfig(context.getAuthenticatorConfig());
        CodigoCorreo.Nuevo nuevo = CodigoCorreo.nuevo(RANDOM, Time.currentTime(), config.segundosValidez());
        enviarAlConfirmar(context, direccion, nuevo.codigo(), config.minutosValidez());
        new Eventos(context, DetallesEvento.Paso.CORREO).exito();
        return nuevo.guardado();
    }

    /** The code's email, sent once this request's transaction has committed (the code is never stored in clear). */
    private static void enviarAlConfirmar(AuthenticationFlowContext context, String direccion, String codigo, int minutos) {
        Map<String, Object> atributos = Map.of("codigo", codigo, "minutos", String.valueOf(minutos));
        Correo.enviarTrasCommit(context.getSession(), context.getRealm().getId(), context.getUser().getId(),
                new Correo.Mensaje("ansesCodigoCorreoAsunto", List.of(), TEMPLATE_CORREO, atributos), direccion,
                "The code to confirm the address");
    }

    /**
     * Charges one try before the code is compared: the first free slot 1..max of this journey in the single-use
     * store; 0 when all are taken (no try left).
     */
    private static int cargarIntento(AuthenticationFlowContext context, Recorrido recorrido, CorreoConfig config) {
        SingleUseObjectProvider store = context.getSession().singleUseObjects();
        for (int i = 1; i <= config.intentos(); i++) {
            if (store.putIfAbsent(INTENTO_KEY + recorrido.confirmacion() + ":" + i, vidaDelPedido(context))) {
                return i;
            }
        }
        return 0;
    }

    private static boolean agotados(AuthenticationFlowContext context, Recorrido recorrido, CorreoConfig config) {
        String id = recorrido.confirmacion();
        return id != null && context.getSession().singleUseObjects().contains(INTENTO_KEY + id + ":" + config.intentos());
    }

    /** How long the counters must outlive: the journey's authentication session at most. */
    private static long vidaDelPedido(AuthenticationFlowContext context) {
        return Math.max(context.getRealm().getAccessCodeLifespanLogin(), 1800);
    }

    /**
     * No code compared (no mail server, or Saltear): the address stays as Elegí tu clave left it; RESET_PASSWORD with
     * {@code anses_paso=correo} says what became of it in {@code anses_correo}.
     */
    private static void terminar(AuthenticationFlowContext context, Recorrido recorrido, DetallesEvento.Correo resultado) {
        context.getEvent().clone().event(EventType.RESET_PASSWORD).detail(DetallesEvento.PASO, DetallesEvento.Paso.CORREO.valor())
                .detail(DetallesEvento.CORREO, resultado.valor()).success();
        recorrido.correoTerminado();
        context.success();
    }

    private static boolean hayServidorDeCorreo(RealmModel realm) {
        return Correo.hayServidor(realm);
    }
}
