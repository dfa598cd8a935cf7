package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.Correo;
import ar.gob.anses.clavess.flujo.Paso;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.keycloak.sessions.AuthenticationSessionModel;

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
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        String direccion = auth.getAuthNote(CrearClaveNotes.CORREO_DIRECCION);
        if (direccion == null || context.getUser() == null) {
            context.success(); // no address typed, or the verified one again: nothing to confirm
            return;
        }
        if (!hayServidorDeCorreo(context.getRealm())) {
            // Nothing can send a code: the address stays as Elegí tu clave left it (unverified, or the old one kept).
            LOG.infof("No code sent to confirm the address of user %s: realm %s has no SMTP server (Realm settings > Email)",
                    context.getUser().getId(), context.getRealm().getName());
            evento(context, "sin_servidor");
            terminar(auth);
            context.success();
            return;
        }
        if (auth.getAuthNote(CrearClaveNotes.CORREO_HASH) == null) {
            auth.setAuthNote(CrearClaveNotes.CORREO_ID, UUID.randomUUID().toString());
            auth.setAuthNote(CrearClaveNotes.CORREO_REENVIOS, "0");
            enviarCodigo(context, direccion);
        }
        // A reload of the page shows it again: a new code only when asked for (Reenviar).
        context.challenge(page(context).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        String direccion = auth.getAuthNote(CrearClaveNotes.CORREO_DIRECCION);
        if (direccion == null || auth.getAuthNote(CrearClaveNotes.CORREO_HASH) == null) {
            context.success(); // nothing left to confirm (an old page sent again)
            return;
        }
        CorreoConfig config = new CorreoConfig(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(SALTEAR)) {
            evento(context, "salteado");
            terminar(auth);
            context.success();
            return;
        }
        if (agotados(context, config)) {
            context.challenge(page(context).setError("ansesCodigoIntentosAgotados").createForm(TEMPLATE));
            return;
        }
        if (form.containsKey(REENVIAR)) {
            int reenvios = entero(auth.getAuthNote(CrearClaveNotes.CORREO_REENVIOS));
            if (reenvios >= config.reenvios()) {
                context.challenge(page(context).setError("ansesCodigoSinReenvios").createForm(TEMPLATE));
                return;
            }
            auth.setAuthNote(CrearClaveNotes.CORREO_REENVIOS, String.valueOf(reenvios + 1));
            enviarCodigo(context, direccion);
            context.challenge(page(context).setInfo("ansesCodigoReenviado", direccion).createForm(TEMPLATE));
            return;
        }

        String digitos = CodigoCorreo.leer(form.getFirst(FIELD_CODIGO));
        if (digitos == null) {
            // Not six digits: a typo, not a guess; it is not compared and costs no try.
            context.challenge(page(context).addError(new FormMessage(FIELD_CODIGO, "ansesCodigoFormato")).createForm(TEMPLATE));
            return;
        }
        CodigoCorreo guardado = guardado(auth);
        if (guardado.vencido(Time.currentTime())) {
            new Eventos(context, "correo").error("anses_correo_codigo_vencido");
            context.challenge(page(context).addError(new FormMessage(FIELD_CODIGO, "ansesCodigoVencido")).createForm(TEMPLATE));
            return;
        }
        int intento = cargarIntento(context, config);
        if (intento == 0) {
            new Eventos(context, "correo").error("anses_correo_intentos_agotados");
            context.challenge(page(context).setError("ansesCodigoIntentosAgotados").createForm(TEMPLATE));
            return;
        }
        if (!guardado.es(digitos)) {
            new Eventos(context, "correo").error("anses_correo_codigo_incorrecto");
            if (intento >= config.intentos()) {
                new Eventos(context, "correo").error("anses_correo_intentos_agotados");
                context.challenge(page(context).setError("ansesCodigoIntentosAgotados").createForm(TEMPLATE));
            } else {
                context.challenge(page(context).addError(new FormMessage(FIELD_CODIGO, "ansesCodigoIncorrecto",
                        config.intentos() - intento)).createForm(TEMPLATE));
            }
            return;
        }
        SingleUseObjectProvider usados = context.getSession().singleUseObjects();
        if (!usados.putIfAbsent(USADO_KEY + auth.getAuthNote(CrearClaveNotes.CORREO_ID) + ":" + guardado.salt(), vidaDelPedido(context))) {
            new Eventos(context, "correo").error("anses_correo_codigo_usado"); // a parallel request confirmed with it first
            context.challenge(page(context).addError(new FormMessage(FIELD_CODIGO, "ansesCodigoVencido")).createForm(TEMPLATE));
            return;
        }
        confirmar(context, direccion);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    private static void confirmar(AuthenticationFlowContext context, String direccion) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        UserModel user = context.getUser();
        String anterior = user.isEmailVerified() && user.getEmail() != null && !user.getEmail().isBlank() ? user.getEmail() : null;
        user.setEmail(direccion);
        user.setEmailVerified(true);
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        context.getEvent().clone().event(EventType.UPDATE_EMAIL).user(user)
                .detail(CrearClaveNotes.EVENT_PASO, "correo")
                .detail(Details.PREVIOUS_EMAIL, anterior)
                .detail(Details.UPDATED_EMAIL, user.getEmail())
                .detail(CrearClaveNotes.EVENT_CORREO_ANTERIOR_VERIFICADO, String.valueOf(anterior != null))
                .detail(CrearClaveNotes.EVENT_CLAVE, auth.getAuthNote(CrearClaveNotes.CORREO_CLAVE))
                .detail(CrearClaveNotes.EVENT_NIVEL_ANTERIOR, auth.getAuthNote(CrearClaveNotes.CORREO_NIVEL_ANTERIOR))
                .success();
        terminar(auth);
        context.success();
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        CorreoConfig config = new CorreoConfig(context.getAuthenticatorConfig());
        return context.form()
                .setAttribute("direccion", auth.getAuthNote(CrearClaveNotes.CORREO_DIRECCION))
                .setAttribute("minutos", config.minutosValidez())
                .setAttribute("agotados", agotados(context, config))
                .setAttribute("reenviosRestantes", Math.max(0, config.reenvios() - entero(auth.getAuthNote(CrearClaveNotes.CORREO_REENVIOS))));
    }

    /** A new code replaces the last one in the session; it is mailed once this request has committed (the clave with it). */
    private static void enviarCodigo(AuthenticationFlowContext context, String direccion) {
        CorreoConfig config = new CorreoConfig(context.getAuthenticatorConfig());
        CodigoCorreo.Nuevo nuevo = CodigoCorreo.nuevo(RANDOM, Time.currentTime(), config.segundosValidez());
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        auth.setAuthNote(CrearClaveNotes.CORREO_SALT, nuevo.guardado().salt());
        auth.setAuthNote(CrearClaveNotes.CORREO_HASH, nuevo.guardado().hash());
        auth.setAuthNote(CrearClaveNotes.CORREO_VENCE, String.valueOf(nuevo.guardado().venceEn()));

        Map<String, Object> atributos = Map.of("codigo", nuevo.codigo(), "minutos", String.valueOf(config.minutosValidez()));
        Correo.enviarTrasCommit(context.getSession(), context.getRealm().getId(), context.getUser().getId(),
                new Correo.Mensaje("ansesCodigoCorreoAsunto", List.of(), TEMPLATE_CORREO, atributos), direccion,
                "The code to confirm the address");
        new Eventos(context, "correo").exito();
    }

    /**
     * Charges one try before the code is compared: the first free slot 1..max of this journey in the single-use
     * store; 0 when all are taken (no try left).
     */
    private static int cargarIntento(AuthenticationFlowContext context, CorreoConfig config) {
        SingleUseObjectProvider store = context.getSession().singleUseObjects();
        String id = context.getAuthenticationSession().getAuthNote(CrearClaveNotes.CORREO_ID);
        for (int i = 1; i <= config.intentos(); i++) {
            if (store.putIfAbsent(INTENTO_KEY + id + ":" + i, vidaDelPedido(context))) {
                return i;
            }
        }
        return 0;
    }

    private static boolean agotados(AuthenticationFlowContext context, CorreoConfig config) {
        String id = context.getAuthenticationSession().getAuthNote(CrearClaveNotes.CORREO_ID);
        return id != null && context.getSession().singleUseObjects().contains(INTENTO_KEY + id + ":" + config.intentos());
    }

    /** How long the counters must outlive: the journey's authentication session at most. */
    private static long vidaDelPedido(AuthenticationFlowContext context) {
        return Math.max(context.getRealm().getAccessCodeLifespanLogin(), 1800);
    }

    private static CodigoCorreo guardado(AuthenticationSessionModel auth) {
        return new CodigoCorreo(auth.getAuthNote(CrearClaveNotes.CORREO_SALT), auth.getAuthNote(CrearClaveNotes.CORREO_HASH),
                Long.parseLong(auth.getAuthNote(CrearClaveNotes.CORREO_VENCE)));
    }

    private static void terminar(AuthenticationSessionModel auth) {
        for (String note : List.of(CrearClaveNotes.CORREO_DIRECCION, CrearClaveNotes.CORREO_CLAVE, CrearClaveNotes.CORREO_NIVEL_ANTERIOR,
                CrearClaveNotes.CORREO_SALT, CrearClaveNotes.CORREO_HASH, CrearClaveNotes.CORREO_VENCE, CrearClaveNotes.CORREO_REENVIOS)) {
            auth.removeAuthNote(note);
        }
    }

    /** RESET_PASSWORD with {@code anses_paso=correo} and what became of the address in {@code anses_correo}. */
    private static void evento(AuthenticationFlowContext context, String resultado) {
        context.getEvent().clone().event(EventType.RESET_PASSWORD).detail(CrearClaveNotes.EVENT_PASO, "correo")
                .detail("anses_correo", resultado).success();
    }

    private static boolean hayServidorDeCorreo(RealmModel realm) {
        return Correo.hayServidor(realm);
    }

    private static int entero(String valor) {
        try {
            return valor == null ? 0 : Integer.parseInt(valor);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
