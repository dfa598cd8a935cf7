package ar.gob.anses.clavess.escritorio;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.util.JsonSerialization;

/**
 * The desk's one page, in the login theme's look ({@value #TEMPLATE}): the addresses its script needs (the realm's
 * OpenID endpoints, the admin endpoints, the desk's client) and every text it shows, the login theme's messages
 * {@code ansesEscritorio…} and {@code ansesLinea130…} in the browser's language, so the script holds none.
 */
public final class EscritorioResource {

    static final String TEMPLATE = "anses-escritorio.ftl";
    private static final String[] PREFIJOS = {"ansesEscritorio", "ansesLinea130"};

    private final KeycloakSession session;

    EscritorioResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response pagina() {
        RealmModel realm = session.getContext().getRealm();
        UriBuilder base = session.getContext().getUri().getBaseUriBuilder();
        String realmUrl = base.clone().path("realms").path(realm.getName()).build().toString();
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("ansesEscritorioRealm", realmUrl)
                .setAttribute("ansesEscritorioAdmin", base.clone().path("admin").path("realms").path(realm.getName()).build().toString())
                .setAttribute("ansesEscritorioUrl", realmUrl + "/" + EscritorioResourceProviderFactory.PROVIDER_ID + "/")
                .setAttribute("ansesEscritorioCliente", EscritorioResourceProviderFactory.CLIENT_ID)
                .setAttribute("ansesEscritorioMensajes", mensajes(realm))
                .createForm(TEMPLATE);
    }

    /** The desk's texts as one JSON object, key to text, in the request's language. */
    private String mensajes(RealmModel realm) {
        try {
            Properties todos = session.theme().getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(realm, session.getContext().resolveLocale(null));
            Map<String, String> delEscritorio = new TreeMap<>();
            for (String key : todos.stringPropertyNames()) {
                for (String prefijo : PREFIJOS) {
                    if (key.startsWith(prefijo)) {
                        delEscritorio.put(key, todos.getProperty(key));
                    }
                }
            }
            return JsonSerialization.writeValueAsString(delEscritorio);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
