package ar.gob.anses.clavess.avisos;

import ar.gob.anses.clavess.cuenta.AntesDelCambio;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.Nivel;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.device.DeviceRepresentationProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.account.DeviceRepresentation;
import org.keycloak.urls.UrlType;
import org.keycloak.util.JsonSerialization;

/**
 * Turns an account change into a notice to its owner: decided now ({@link DecisionAviso}) and written into the outbox
 * (ANSES_AVISO) in this request's transaction, so that it exists exactly when the change does; sent after the commit on
 * another thread ({@link EnvioAvisos}), so that a slow or absent mail server never delays, fails or undoes the change.
 */
public final class AvisosEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AvisosEventListenerProvider.class);

    /** The realm attribute of Keycloak's per-realm Frontend URL (Realm settings → General). */
    static final String FRONTEND_URL = "frontendUrl";

    private final KeycloakSession session;
    private final EnvioAvisos envio;
    /** The server's {@code hostname} option, as given (a URL or a plain host name); null when not set. */
    private final String hostname;

    AvisosEventListenerProvider(KeycloakSession session, EnvioAvisos envio, String hostname) {
        this.session = session;
        this.envio = envio;
        this.hostname = hostname;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getRealmId() == null || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        String tipo = event.getType() == null ? null : event.getType().name();
        Optional<Aviso> aviso = DecisionAviso.deEvento(tipo, event.getDetails(), event.getError(), realm.getFailureFactor())
                .map(a -> DecisionAviso.bloqueo(a, Boolean.TRUE.equals(session.getAttribute(DecisionAviso.SESION_FALLO_DE_CLAVE)),
                        () -> fallosDeSegundoFactor(realm, event.getUserId())));
        aviso.ifPresent(a -> programar(new Pedido(realm.getId(), "id:" + event.getUserId(), a, event.getTime(),
                event.getIpAddress(), userAgent(), navegador(), false, baseUri(realm))));
        // An email change is also told to the address it replaced: Crear clave's says so in its details; Keycloak's
        // Update email, confirmed from the new mailbox, is known by what the user profile saw before the change.
        aviso.ifPresent(a -> DecisionAviso.aLaDireccionAnterior(tipo, event.getDetails(), event.getError())
                .or(() -> reemplazada(realm, event.getUserId()))
                .ifPresent(anterior -> programar(new Pedido(realm.getId(), "id:" + event.getUserId(), a.a(anterior),
                        event.getTime(), event.getIpAddress(), userAgent(), navegador(), false, baseUri(realm)))));
    }

    /**
     * The wrong second-factor codes Keycloak counted among the user's current failures ({@code otp} category: TOTP,
     * passkeys, recovery codes), read in the session that counts the failure.
     */
    private int fallosDeSegundoFactor(RealmModel realm, String userId) {
        UserLoginFailureModel fallos = session.loginFailures().getUserLoginFailure(realm, userId);
        return fallos == null ? 0 : fallos.getNumSecondaryAuthFailures();
    }

    /**
     * The verified address this request's profile update replaced ({@link CorreoAnterior}), if the user no longer has
     * it: a change of address confirmed in Mi cuenta, or made by an office.
     */
    private Optional<String> reemplazada(RealmModel realm, String userId) {
        return CorreoAnterior.de(session, userId).flatMap(antes -> {
            UserModel user = session.users().getUserById(realm, userId);
            return user == null ? Optional.empty()
                    : DecisionAviso.direccionReemplazada(antes.direccion(), antes.verificada(), user.getEmail());
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getRealmId() == null || event.getResourcePath() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        Optional<String> cuenta = DecisionAviso.cuenta(event.getResourcePath());
        if (realm == null || cuenta.isEmpty()) {
            return;
        }
        Optional<Aviso> aviso = deEventoAdmin(session, realm, event);
        String ip = event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress();
        aviso.ifPresent(a -> programar(new Pedido(realm.getId(), cuenta.get(), a, event.getTime(), ip, userAgent(), navegador(), true, baseUri(realm))));
        // An office that changed the address tells the one it replaced as well.
        if (cuenta.get().startsWith("id:")) {
            aviso.ifPresent(a -> reemplazada(realm, cuenta.get().substring("id:".length())).ifPresent(anterior -> programar(
                    new Pedido(realm.getId(), cuenta.get(), a.a(anterior), event.getTime(), ip, userAgent(), navegador(), true, baseUri(realm)))));
        }
    }

    /**
     * Writes the notice into the outbox in this request's transaction, so that it is committed with the change or not
     * at all; once committed, the sender is nudged to send it now. Outside a transaction (an event of a background
     * job), it is written in one of its own.
     */
    private void programar(Pedido pedido) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        if (pedido.aviso().tipo().unoPorPeriodo()) {
            programarBloqueo(factory, pedido);
            return;
        }
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (!transaction.isActive()) {
            String id = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> guardarAparte(s, pedido));
            if (id != null) {
                envio.enviarLuego(factory, id);
            }
            return;
        }
        String id = guardar(session, pedido);
        if (id == null) {
            return;
        }
        transaction.enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                envio.enviarLuego(factory, id);
            }

            @Override
            protected void rollbackImpl() {
                // The change was undone, and the notice with it: there is nothing to tell.
            }
        });
    }

    /**
     * A lock notice: written, with the start of the account's next lock period, in a transaction of their own
     * ({@link PeriodoAvisoBloqueo}), committed before the lock event's own transaction ends; nothing when this lock
     * falls in a period already told.
     */
    private void programarBloqueo(KeycloakSessionFactory factory, Pedido pedido) {
        RealmModel realm = session.realms().getRealm(pedido.realmId());
        if (realm == null || !pedido.cuenta().startsWith("id:")) {
            return;
        }
        String userId = pedido.cuenta().substring("id:".length());
        long periodo = Math.max(0, realm.getMaxDeltaTimeSeconds()) * 1000L;
        String id = PeriodoAvisoBloqueo.tomar(factory, realm.getId(), userId, pedido.aviso().tipo(), Time.currentTimeMillis(), periodo,
                s -> guardarAparte(s, pedido));
        if (id != null) {
            envio.enviarLuego(factory, id);
        } else {
            LOG.debugf("Lock notice %s for user %s not written: its lock period was already told, or nobody to tell",
                    pedido.aviso().tipo(), userId);
        }
    }

    /** {@link #guardar} in a session of its own, bound to the notice's realm as Keycloak's user lookups need. */
    private String guardarAparte(KeycloakSession s, Pedido pedido) {
        RealmModel realm = s.realms().getRealm(pedido.realmId());
        if (realm != null) {
            s.getContext().setRealm(realm);
        }
        return guardar(s, pedido);
    }

    /**
     * The outbox row's id; null when the account is not found (an office's change by CUIL of nobody) or has no address
     * at all (most Crear claves): a notice goes to the address the account had when it changed, so a row that could
     * only be taken, found addressless and deleted again is not written.
     */
    private String guardar(KeycloakSession s, Pedido pedido) {
        RealmModel realm = s.realms().getRealm(pedido.realmId());
        UserModel user = null;
        if (realm != null) {
            user = pedido.cuenta().startsWith("cuil:") ? s.users().getUserByUsername(realm, pedido.cuenta().substring("cuil:".length()))
                    : s.users().getUserById(realm, pedido.cuenta().substring("id:".length()));
        }
        if (user == null || EnvioAvisos.destino(pedido.aviso(), user) == null) {
            envio.sinDireccion();
            LOG.debugf("Notice %s for %s not written: %s", pedido.aviso().tipo(), pedido.cuenta(), user == null ? "no such user" : "no address");
            return null;
        }
        return new BandejaSalidaStore(s).guardar(user.getId(), pedido, Time.currentTimeMillis());
    }

    /**
     * What an admin event tells of the account, as the notices read it ({@link DecisionAviso#deEventoAdmin}): the account
     * before the change ({@link AntesDelCambio}) and after it, and the event's representation. Also read by the signals
     * to apps ({@code senales}), so that an office's change is one change for both.
     */
    public static Optional<Aviso> deEventoAdmin(KeycloakSession session, RealmModel realm, AdminEvent event) {
        Optional<String> cuenta = DecisionAviso.cuenta(event.getResourcePath());
        if (cuenta.isEmpty()) {
            return Optional.empty();
        }
        DecisionAviso.Estado antes = null;
        DecisionAviso.Estado despues = null;
        if (cuenta.get().startsWith("id:")) {
            String userId = cuenta.get().substring("id:".length());
            antes = AntesDelCambio.de(session, userId).map(a -> new DecisionAviso.Estado(a.nivel(), a.estadoClave().name())).orElse(null);
            UserModel user = session.users().getUserById(realm, userId);
            despues = user == null ? null : estado(user);
        }
        return DecisionAviso.deEventoAdmin(event.getResourceTypeAsString(),
                event.getOperationType() == null ? null : event.getOperationType().name(), event.getResourcePath(),
                event.getError(), antes, despues, representacion(event));
    }

    private static DecisionAviso.Estado estado(UserModel user) {
        return new DecisionAviso.Estado(Nivel.de(user), EstadoClave.de(user).name());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> representacion(AdminEvent event) {
        if (event.getRepresentation() == null || !event.getRepresentation().startsWith("{")) {
            return null;
        }
        try {
            return JsonSerialization.readValue(event.getRepresentation(), Map.class);
        } catch (IOException e) {
            return null;
        }
    }

    private String userAgent() {
        try {
            var headers = session.getContext().getRequestHeaders();
            return headers == null ? null : headers.getHeaderString("User-Agent");
        } catch (RuntimeException e) {
            return null; // no request (a background task)
        }
    }

    /** Keycloak's reading of this request's User-Agent; nothing known without a request (a background task). */
    private Navegador navegador() {
        try {
            DeviceRepresentationProvider dispositivos = session.getProvider(DeviceRepresentationProvider.class);
            DeviceRepresentation device = dispositivos == null ? null : dispositivos.deviceRepresentation();
            return device == null ? new Navegador(null, null) : Navegador.de(device.getBrowser(), device.getOs());
        } catch (RuntimeException e) {
            return new Navegador(null, null);
        }
    }

    /**
     * The configured public address the notice's links are built from ({@link DireccionPublica}), never the request's
     * Host or forwarded headers; null (a notice without links, and a WARN once per node) when none is configured.
     */
    private String baseUri(RealmModel realm) {
        Optional<String> base = DireccionPublica.de(realm.getAttribute(FRONTEND_URL), hostname,
                () -> session.getContext().getUri(UrlType.FRONTEND).getBaseUri());
        if (base.isEmpty()) {
            envio.sinDireccionPublica(realm.getName());
        }
        return base.orElse(null);
    }

    @Override
    public void close() {
    }
}
