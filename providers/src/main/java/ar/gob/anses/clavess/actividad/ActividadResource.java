package ar.gob.anses.clavess.actividad;

import ar.gob.anses.clavess.avisos.Navegador;
import ar.gob.anses.clavess.nofuiyo.EnlaceNoFuiYo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.device.DeviceActivityManager;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.account.DeviceRepresentation;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.theme.Theme;

/**
 * {@code GET /realms/{realm}/anses-actividad}: the last {@value Actividad#DIAS} days of the account's activity, for
 * the account console's "Actividad de tu cuenta" page. Whose account is the bearer token's, and only a token of the
 * account console ({@code azp} {@value Constants#ACCOUNT_CONSOLE_CLIENT_ID}) is taken: no parameter names a user, and
 * an app's token (issued to it for its own purposes) does not open the citizen's history. Every text is resolved here
 * from the account theme's messages in the citizen's language, so the page's script holds none.
 */
public final class ActividadResource {

    private static final Logger LOG = Logger.getLogger(ActividadResource.class);
    private static final long DIA_MS = 86_400_000L;

    private final KeycloakSession session;

    ActividadResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response leer() {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null || auth.user() == null) {
            return sinCache(Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        if (!Constants.ACCOUNT_CONSOLE_CLIENT_ID.equals(auth.token().getIssuedFor())) {
            return sinCache(Response.status(Response.Status.FORBIDDEN));
        }
        RealmModel realm = session.getContext().getRealm();
        UserModel user = auth.user();
        long desde = Time.currentTimeMillis() - Actividad.DIAS * DIA_MS;
        List<EntradaActividad> entradas = Actividad.entradas(sucesos(realm, user, desde), desde, realm.getFailureFactor(),
                id -> dispositivo(realm, id));

        Locale locale = session.getContext().resolveLocale(user, Theme.Type.ACCOUNT);
        Properties mensajes = mensajes(locale);
        String noFuiYo = entradas.stream().anyMatch(EntradaActividad::noFuiYo)
                ? EnlaceNoFuiYo.crear(session, realm, user.getId(), session.getContext().getUri().getBaseUri().toString()) : null;
        List<Map<String, Object>> lista = new ArrayList<>();
        for (EntradaActividad e : entradas) {
            Map<String, Object> entrada = new LinkedHashMap<>();
            entrada.put("id", e.id());
            entrada.put("que", texto(mensajes, locale, e.mensaje(), e.parametros().toArray()));
            entrada.put("cuando", e.cuando());
            entrada.put("cuandoIso", e.cuandoIso());
            entrada.put("donde", donde(mensajes, locale, e));
            entrada.put("aplicacion", aplicacion(mensajes, locale, realm, e.clientId()));
            entrada.put("noFuiYo", e.noFuiYo() ? noFuiYo : null);
            lista.add(entrada);
        }
        Map<String, Object> respuesta = new LinkedHashMap<>();
        respuesta.put("entradas", lista);
        return sinCache(Response.ok(respuesta, MediaType.APPLICATION_JSON_TYPE));
    }

    /** The user's own events, and the office's actions on her account, since {@code desde}. */
    private List<Suceso> sucesos(RealmModel realm, UserModel user, long desde) {
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        List<Suceso> sucesos = new ArrayList<>();
        EventType[] tipos = Actividad.TIPOS.stream().map(EventType::valueOf).toArray(EventType[]::new);
        try (Stream<Event> eventos = store.createQuery().realm(realm.getId()).user(user.getId()).type(tipos)
                .fromDate(new Date(desde)).orderByDescTime().maxResults(Actividad.MAXIMO * 2).getResultStream()) {
            eventos.forEach(e -> sucesos.add(Suceso.deUsuario(e.getId(), e.getTime(), e.getType() == null ? null : e.getType().name(),
                    e.getDetails(), e.getError(), e.getClientId(), e.getIpAddress(), e.getSessionId())));
        }
        // The office's actions: our own table, by account and time (Keycloak's admin events have no index by account).
        sucesos.addAll(new ActividadOficinaStore(session).deCuenta(realm.getId(), user.getId(), desde, Actividad.MAXIMO));
        return sucesos;
    }

    /** The browser and system Keycloak recorded for a session that is still open; null when it is gone. */
    private EntradaActividad.Dispositivo dispositivo(RealmModel realm, String sesionId) {
        try {
            UserSessionModel sesion = session.sessions().getUserSession(realm, sesionId);
            DeviceRepresentation device = sesion == null ? null : DeviceActivityManager.getCurrentDevice(sesion);
            if (device == null) {
                return null;
            }
            Navegador navegador = Navegador.de(device.getBrowser(), device.getOs());
            return navegador.familia() == null && navegador.sistema() == null ? null
                    : new EntradaActividad.Dispositivo(navegador.familia(), navegador.sistema());
        } catch (RuntimeException e) {
            LOG.debugf(e, "No device for session %s", sesionId);
            return null;
        }
    }

    private static String donde(Properties mensajes, Locale locale, EntradaActividad e) {
        return switch (e.origen()) {
            case OFICINA -> texto(mensajes, locale, "ansesActividadDesdeOficina");
            case LINEA_130 -> texto(mensajes, locale, "ansesActividadDesdeLinea130");
            case DISPOSITIVO -> e.navegador().navegador() != null && e.navegador().sistema() != null
                    ? texto(mensajes, locale, "ansesActividadDesdeNavegador", e.navegador().navegador(), e.navegador().sistema())
                    : texto(mensajes, locale, "ansesActividadDesdeUno",
                    e.navegador().navegador() != null ? e.navegador().navegador() : e.navegador().sistema());
            case CONEXION -> texto(mensajes, locale, "ansesActividadDesdeDireccion", e.direccion());
            case DESCONOCIDO -> texto(mensajes, locale, "ansesActividadDesdeDesconocido");
        };
    }

    /** The app's name as the account console shows it (a {@code ${key}} name read from the theme), else its id. */
    private static String aplicacion(Properties mensajes, Locale locale, RealmModel realm, String clientId) {
        if (clientId == null) {
            return texto(mensajes, locale, "ansesActividadSinAplicacion");
        }
        ClientModel client = realm.getClientByClientId(clientId);
        String nombre = client == null || client.getName() == null || client.getName().isBlank() ? clientId : client.getName();
        if (nombre.startsWith("${") && nombre.endsWith("}")) {
            String clave = nombre.substring(2, nombre.length() - 1);
            return mensajes.getProperty(clave, clientId);
        }
        return nombre;
    }

    private Properties mensajes(Locale locale) {
        try {
            return session.theme().getTheme(Theme.Type.ACCOUNT).getEnhancedMessages(session.getContext().getRealm(), locale);
        } catch (IOException e) {
            throw new IllegalStateException("account theme messages", e);
        }
    }

    private static String texto(Properties mensajes, Locale locale, String clave, Object... parametros) {
        String patron = mensajes.getProperty(clave);
        if (patron == null) {
            LOG.warnf("Account theme has no message %s", clave);
            return clave;
        }
        return parametros.length == 0 ? patron : new MessageFormat(patron, locale).format(parametros);
    }

    private static Response sinCache(Response.ResponseBuilder respuesta) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoCache(true);
        return respuesta.cacheControl(cache).build();
    }
}
