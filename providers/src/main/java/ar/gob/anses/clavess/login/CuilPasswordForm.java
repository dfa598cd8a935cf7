package ar.gob.anses.clavess.login;

import ar.gob.anses.clavess.cambiarclave.CambiarClaveRequiredActionFactory;
import ar.gob.anses.clavess.cambiarclave.ClaveComun;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.flujo.DesafioRobot;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.legadas.Migracion;
import ar.gob.anses.clavess.legadas.RegistroNoDisponible;
import ar.gob.anses.clavess.nofuiyo.ClaveComprometida;
import ar.gob.anses.clavess.nofuiyo.NoFuiYo;
import ar.gob.anses.clavess.verificacion.DevolucionesPendientes;
import ar.gob.anses.clavess.verificacion.LimitePorDireccionStore;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The "Mi ANSES" login: CUIL and Clave de la Seguridad Social in one form.
 *
 * <p>A mistyped CUIL is answered on its field before anything is looked up. Past that point an
 * unknown CUIL and a wrong clave are indistinguishable: same message, same page, a dummy hash for the
 * missing user, and the same lock after the same number of failures.
 *
 * <p>Every try is first charged to its client address (see {@link LimitePorDireccionStore}), before the CUIL is looked
 * up, and given back when the clave is right (at the address's next charge on this node: {@link DevolucionesPendientes}): past the budget of failed claves ({@link IngresoConfig}) the address must
 * solve the proof of work, past the ceiling it is refused; while the realm's {@link AlarmaFallos} is on, every login
 * must solve it.
 */
final class CuilPasswordForm implements Authenticator {

    // Keycloak's own login-form field names, so its templates' parts and password managers work unchanged.
    static final String FIELD_CUIL = AuthenticationManager.FORM_USERNAME;
    static final String FIELD_CLAVE = CredentialRepresentation.PASSWORD;

    static final String MSG_CLAVE_EMPTY = "ansesClaveEmpty";
    static final String MSG_INVALID_CREDENTIALS = "ansesInvalidCredentials";
    static final String MSG_LOCKED = "ansesClaveLocked";
    static final String MSG_LOCKED_UNTIL_UNLOCKED = "ansesClaveLockedUntilUnlocked";
    static final String MSG_DISABLED = "ansesClaveDisabled";
    static final String MSG_IN_PROGRESS = "ansesIngresoEnCurso";
    /** The former system's registry did not answer (seed 001's wording). */
    static final String MSG_SATURADO = "ansesSistemaSaturado";
    static final String ERROR_IN_PROGRESS = "anses_ingreso_en_curso";
    static final String MSG_CLAVE_COMPROMETIDA = "ansesClaveComprometida";
    static final String ERROR_CLAVE_COMPROMETIDA = "anses_clave_comprometida";
    /** Past the address's budget of failed claves, or while the realm's alarm is on: the proof of work first. */
    static final String MSG_ROBOT = "ansesIngresoRobot";
    static final String ERROR_ROBOT = "anses_robot";
    /** Past the address's ceiling: refused, with when to try again. */
    static final String MSG_DEMASIADOS = "ansesIngresoDemasiados";
    static final String ERROR_DEMASIADOS = "anses_limite_por_direccion";
    /** The login's failed claves per address, kept apart from Crear clave's CUILs in the address-window table. */
    static final String USO_PRESUPUESTO = "ingreso:";
    // Set while this authentication session's address must solve the proof of work: every page then carries one.
    private static final String NOTE_ROBOT = "anses.ingreso.robot";
    private static final String ROBOT_USADO = "anses-robot-usado:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Button of the "Cambiar mi clave" form: 1 turns the login form into its first step, 0 back. */
    static final String PARAM_CAMBIAR = "anses_cambiar";
    private static final String NOTE_CAMBIAR = "anses.cambiar.clave";

    private final AlarmaFallos alarma;
    private final DevolucionesPendientes devoluciones;

    CuilPasswordForm(AlarmaFallos alarma, DevolucionesPendientes devoluciones) {
        this.alarma = alarma;
        this.devoluciones = devoluciones;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getUser() != null
                && !"true".equals(context.getAuthenticationSession().getAuthNote(AuthenticationManager.FORCED_REAUTHENTICATION))) {
            // The SSO cookie knows the citizen, but Keycloak asks for a "step-up" because the app wants level 3.
            // Here the level is how the identity was proven, not how the login was made: typing the clave again
            // cannot raise it. The level step after this one grants or refuses.
            context.success();
            return;
        }
        IngresoConfig config = new IngresoConfig(context.getAuthenticatorConfig());
        if (alarma.encendida(context.getSession(), context.getRealm(), config.alarma(), Time.currentTime())) {
            context.getAuthenticationSession().setAuthNote(NOTE_ROBOT, "alarma");
        }
        MultivaluedMap<String, String> formData = new MultivaluedHashMap<>();
        String loginHint = context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        if (loginHint != null) {
            formData.add(FIELD_CUIL, loginHint);
        }
        context.challenge(form(context, formData).createLoginUsernamePassword());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        if (formData.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        if (formData.getFirst(PARAM_CAMBIAR) != null) {
            cambiarModo(context, "1".equals(formData.getFirst(PARAM_CAMBIAR)));
            return;
        }
        MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
        typed.putSingle(FIELD_CUIL, formData.getFirst(FIELD_CUIL)); // never echo the clave back
        Cuil.Lectura parsed = Cuil.leer(formData.getFirst(FIELD_CUIL));
        String clave = formData.getFirst(FIELD_CLAVE);
        if (!parsed.esValido()) {
            // Not a CUIL at all: nothing to look up and nobody to count a failure against.
            context.forceChallenge(fieldError(context, typed, FIELD_CUIL, parsed.problema().messageKey()));
        } else if (clave == null || clave.isEmpty()) {
            context.forceChallenge(fieldError(context, typed, FIELD_CLAVE, MSG_CLAVE_EMPTY));
        } else {
            Cuil cuil = parsed.cuil();
            empezarIntento(context, cuil);
            Intento intento = new Intento(context.getConnection().getRemoteAddr(), Time.currentTime());
            if (!pagado(context, intento, typed, formData.getFirst(DesafioRobot.FIELD))) {
                return;
            }
            UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), cuil.digitos());
            if (juzgadaEnSuTurno(context, cuil, user, clave, typed)) {
                // A right clave: the unit charged before judging goes back at the address's next charge on this node.
                devoluciones.anotar(intento.direccion(), intento.cobradoEn());
                // Without an account before, one its legacy clave has just made (legadas.Migracion) is the flow's user.
                entrar(context, user != null ? user : context.getUser(), clave, typed);
            }
        }
    }

    /** The "Cambiar mi clave" button: the login form becomes its first step ({@code cambiar}), or back. */
    private void cambiarModo(AuthenticationFlowContext context, boolean cambiar) {
        if (cambiar) {
            context.getAuthenticationSession().setAuthNote(NOTE_CAMBIAR, "true");
        } else {
            context.getAuthenticationSession().removeAuthNote(NOTE_CAMBIAR);
        }
        context.challenge(form(context, new MultivaluedHashMap<>()).createLoginUsernamePassword());
    }

    /** Forgets the previous attempt of this authentication session and names the CUIL in the event. */
    private static void empezarIntento(AuthenticationFlowContext context, Cuil cuil) {
        context.clearUser();
        context.getAuthenticationSession().removeAuthNote(ClavesPendientes.NOTA_SOLICITUD);
        context.getEvent().detail(Details.USERNAME, cuil.digitos());
        // Keycloak's later pages ("restart login" with the CUIL) read what was typed from this note.
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, cuil.digitos());
    }

    /**
     * One try from a client address: the address as Keycloak gives it (the TCP peer's, or the proxy's forwarded one only
     * when Keycloak's own proxy-headers with proxy-trusted-addresses say so; no header is read here) and when its unit
     * was charged.
     */
    private record Intento(String direccion, long cobradoEn) {
    }

    /**
     * Charges the try to its address before anything about the CUIL is looked up (the same answer, and the same work,
     * whoever the CUIL names); false, with the page set, when the address is past its ceiling, or must solve the proof of
     * work and did not.
     */
    private boolean pagado(AuthenticationFlowContext context, Intento intento, MultivaluedMap<String, String> typed, String solucion) {
        IngresoConfig config = new IngresoConfig(context.getAuthenticatorConfig());
        LimitePorDireccionStore.Cobro cobro = new LimitePorDireccionStore(context.getSession(), context.getRealm(), USO_PRESUPUESTO)
                .cobrar(intento.direccion(), intento.cobradoEn(), config.techo(), devoluciones);
        if (!cobro.admitido()) {
            context.getEvent().error(ERROR_DEMASIADOS);
            context.forceChallenge(form(context, typed, config)
                    .setError(MSG_DEMASIADOS, BloqueoClave.minutosRestantes(cobro.libreDesde(), intento.cobradoEn())).createLoginUsernamePassword());
            return false;
        }
        boolean robot = cobro.enVentana() > config.presupuesto()
                || alarma.encendida(context.getSession(), context.getRealm(), config.alarma(), intento.cobradoEn());
        if (robot) {
            context.getAuthenticationSession().setAuthNote(NOTE_ROBOT, "true");
        } else {
            context.getAuthenticationSession().removeAuthNote(NOTE_ROBOT);
        }
        if (robot && !robotResuelto(context, solucion)) {
            // Not tried, so not a failure: the unit goes back, and only tries paid with a proof of work reach the ceiling.
            devoluciones.anotar(intento.direccion(), intento.cobradoEn());
            context.getEvent().error(ERROR_ROBOT);
            context.forceChallenge(form(context, typed, config).setError(MSG_ROBOT).createLoginUsernamePassword());
            return false;
        }
        return true;
    }

    /**
     * Judges the clave within the CUIL's turn (one attempt of a CUIL at a time, on every node); false, with the page
     * set, when it was not compared or was wrong. {@code user} may be null (a CUIL without an account).
     */
    private boolean juzgadaEnSuTurno(AuthenticationFlowContext context, Cuil cuil, UserModel user, String clave,
                                     MultivaluedMap<String, String> typed) {
        BloqueoClave bloqueo = new BloqueoClave(context.getSession(), context.getRealm(), context.getProtector());
        if (!bloqueo.tomarTurno(cuil)) {
            // Another attempt of this CUIL is being judged: this one is not compared (with or without a user alike).
            alarma.fallo(context.getRealm());
            context.getEvent().user(user).error(ERROR_IN_PROGRESS);
            context.forceChallenge(globalError(context, typed, MSG_IN_PROGRESS));
            return false;
        }
        boolean correcta = false;
        try {
            correcta = claveCorrecta(context, cuil, user, clave, typed, bloqueo);
        } catch (RegistroNoDisponible e) {
            // The former system's registry did not answer, after a clave that is not the account's (or with no account):
            // "saturado" whatever the CUIL has, and a failure counted alike, or an outage would let an attacker guess an
            // account's clave uncounted (wrong: saturado, right: in) and tell CUILs with an account from those without.
            bloqueo.contarFallo(cuil, user, context.getConnection().getRemoteHost(), Time.currentTimeMillis());
            context.getEvent().user(user).error(Migracion.ERROR_NO_DISPONIBLE);
            context.forceChallenge(globalError(context, typed, MSG_SATURADO));
        } finally {
            bloqueo.devolverTurno(cuil);
        }
        if (!correcta) {
            alarma.fallo(context.getRealm());
        }
        return correcta;
    }

    /** After the right clave: on to the pending request's step, or in, unless the account may not (told only now). */
    private void entrar(AuthenticationFlowContext context, UserModel user, String clave, MultivaluedMap<String, String> typed) {
        if (context.getAuthenticationSession().getAuthNote(ClavesPendientes.NOTA_SOLICITUD) != null) {
            // The clave of a pending request (its id is in the note), with or without an account: no user. The pending
            // step after this one shows that request's page and is the only way on.
            context.success();
            return;
        }
        // Only after the right clave: telling a disabled account apart would otherwise reveal that it exists.
        if (!user.isEnabled()) {
            context.getEvent().user(user).error(Errors.USER_DISABLED);
            context.forceChallenge(globalError(context, typed, MSG_DISABLED));
            return;
        }
        // Also only after the right clave: "No fui yo" marked it compromised, and only a newer one (Olvidé mi clave,
        // identity proven again, or an office's) lets the citizen in. A wrong clave got the usual answer above.
        if (ClaveComprometida.vigente(user.getFirstAttribute(ClaveComprometida.ATRIBUTO), claveCreada(user))) {
            context.getEvent().user(user).detail(Details.REASON, NoFuiYo.MOTIVO).error(ERROR_CLAVE_COMPROMETIDA);
            context.forceChallenge(globalError(context, typed, MSG_CLAVE_COMPROMETIDA));
            return;
        }
        context.setUser(user);
        ClaveComun.pedirOtraSiEsComun(context, user, clave);
        if (context.getAuthenticationSession().getAuthNote(NOTE_CAMBIAR) != null) {
            // Cambiar mi clave: the current clave was proven; the new one is asked right after login.
            context.getAuthenticationSession().addRequiredAction(CambiarClaveRequiredActionFactory.PROVIDER_ID);
        }
        context.success(PasswordCredentialModel.TYPE);
    }

    /** Judges the clave within the CUIL's turn; false, with the page set, when the login does not go on. */
    private boolean claveCorrecta(AuthenticationFlowContext context, Cuil cuil, UserModel user, String clave,
                               MultivaluedMap<String, String> typed, BloqueoClave bloqueo) {
        long now = Time.currentTime();
        long bloqueadaHasta = bloqueo.bloqueadaHasta(cuil, user, now);
        if (bloqueadaHasta > 0) {
            context.getEvent().user(user).error(bloqueadaHasta == BloqueoClave.HASTA_DESBLOQUEO
                    ? Errors.USER_DISABLED : Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(bloqueoPage(context, typed, bloqueadaHasta, now));
            return false;
        }
        boolean correcta = user != null && user.credentialManager().isValid(UserCredentialModel.password(clave));
        if (!correcta) {
            // Without an account, a clave of the agency's former system makes it now; every wrong clave costs the same
            // legacy hash, and without an account the dummy hash a missing user costs (legadas.Migracion).
            Optional<UserModel> migrada = Migracion.intentar(context, cuil, user, clave);
            migrada.ifPresent(context::setUser);
            correcta = migrada.isPresent();
        }
        if (!correcta) {
            // Not the account's clave: it may be one of the CUIL's pending requests (residents abroad), compared with the
            // same work whatever the CUIL has.
            Optional<ClavesPendientes.Solicitud> solicitud = context.getSession().getProvider(ClavesPendientes.class)
                    .conClave(context.getRealm(), cuil.digitos(), clave);
            solicitud.ifPresent(s -> context.getAuthenticationSession().setAuthNote(ClavesPendientes.NOTA_SOLICITUD, s.id()));
            correcta = solicitud.isPresent();
        }
        if (!correcta) {
            bloqueo.contarFallo(cuil, user, context.getConnection().getRemoteHost(), Time.currentTimeMillis());
            context.getEvent().user(user).error(user == null ? Errors.USER_NOT_FOUND : Errors.INVALID_USER_CREDENTIALS);
            // Not failureChallenge: that would have Keycloak count a user's failure a second time.
            context.forceChallenge(invalidCredentials(context, typed));
        }
        return correcta;
    }

    /**
     * Whether {@code numero} solves the challenge shown, used once: the first request to bring it, on any node, consumes
     * it (Keycloak's single-use store), so parallel tries from one page cannot share one solution.
     */
    private static boolean robotResuelto(AuthenticationFlowContext context, String numero) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return DesafioRobot.mostrado(authSession).filter(d -> d.resueltoCon(numero))
                .map(d -> context.getSession().singleUseObjects().putIfAbsent(ROBOT_USADO + d.challenge(),
                        Math.max(60, context.getRealm().getAccessCodeLifespanLogin())))
                .orElse(false);
    }

    /** When the current clave was set (epoch milliseconds); null when unknown. */
    private static Long claveCreada(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate).filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
    }

    private Response invalidCredentials(AuthenticationFlowContext context, MultivaluedMap<String, String> typed) {
        return globalError(context, typed, MSG_INVALID_CREDENTIALS);
    }

    private Response bloqueoPage(AuthenticationFlowContext context, MultivaluedMap<String, String> typed, long bloqueadaHasta, long now) {
        if (bloqueadaHasta == BloqueoClave.HASTA_DESBLOQUEO) {
            return globalError(context, typed, MSG_LOCKED_UNTIL_UNLOCKED);
        }
        return form(context, typed).setError(MSG_LOCKED, BloqueoClave.minutosRestantes(bloqueadaHasta, now)).createLoginUsernamePassword();
    }

    private Response globalError(AuthenticationFlowContext context, MultivaluedMap<String, String> typed, String messageKey) {
        return form(context, typed).setError(messageKey).createLoginUsernamePassword();
    }

    private Response fieldError(AuthenticationFlowContext context, MultivaluedMap<String, String> typed, String field, String messageKey) {
        return form(context, typed).addError(new FormMessage(field, messageKey)).createLoginUsernamePassword();
    }

    private LoginFormsProvider form(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        return form(context, formData, new IngresoConfig(context.getAuthenticatorConfig()));
    }

    /** The form; with a new proof of work (replacing the last one shown) while this session's address must solve one. */
    private LoginFormsProvider form(AuthenticationFlowContext context, MultivaluedMap<String, String> formData, IngresoConfig config) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginFormsProvider form = context.form().setExecution(context.getExecution().getId())
                .setAttribute("ansesCambiarClave", authSession.getAuthNote(NOTE_CAMBIAR) != null);
        if (authSession.getAuthNote(NOTE_ROBOT) != null) {
            form.setAttribute("ansesRobot", DesafioRobot.mostrar(authSession, RANDOM, config.dificultad()));
        }
        if (!formData.isEmpty()) {
            form.setFormData(formData);
        }
        return form;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // The clave is the only credential; nothing to set up.
    }

    @Override
    public void close() {
        // No resources.
    }
}
