package ar.gob.anses.clavess.nofuiyo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * The confirmation of a "No fui yo" link: the form of the confirmation page POSTs the token here. The token is the
 * secret (signed, for one user, expiring); it is checked again as Keycloak's endpoint did (signature by the realm's
 * key, type, issuer, expiry, user), then spent in Keycloak's single-use store, cluster-wide, before anything changes:
 * of two confirmations at once, one acts and the other is told the link was used. A form sent from another site's page
 * (its {@code Origin} is not ours) is refused.
 */
public final class NoFuiYoResource {

    private static final Logger LOG = Logger.getLogger(NoFuiYoResource.class);

    private final KeycloakSession session;

    NoFuiYoResource(KeycloakSession session) {
        this.session = session;
    }

    /** The single-use store's key of a token: spent once, for as long as the token would live. */
    static String claveDeUso(NoFuiYoActionToken token) {
        return NoFuiYoActionToken.TOKEN_TYPE + "." + token.serializeKey();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirmar(@FormParam(Constants.KEY) String key) {
        RealmModel realm = session.getContext().getRealm();
        URI base = session.getContext().getUri().getBaseUri();
        if (!mismoOrigen(session.getContext().getRequestHeaders().getHeaderString("Origin"), base)) {
            return NoFuiYoPage.en(session, NoFuiYoPage.Estado.INVALIDO, Response.Status.FORBIDDEN);
        }
        NoFuiYoActionToken token = key == null || key.isBlank() ? null : session.tokens().decode(key, NoFuiYoActionToken.class);
        if (token == null) {
            return NoFuiYoPage.en(session, NoFuiYoPage.Estado.INVALIDO, Response.Status.BAD_REQUEST);
        }
        long ahora = Time.currentTime();
        EstadoEnlace estado = EstadoEnlace.de(token.getActionId(), token.getUserId(), token.getActionVerificationNonce() != null,
                token.getIssuer(), Urls.realmIssuer(base, realm.getName()), token.getExp() == null ? 0 : token.getExp(), ahora);
        if (estado == EstadoEnlace.VENCIDO) {
            return NoFuiYoPage.en(session, NoFuiYoPage.Estado.VENCIDO, Response.Status.BAD_REQUEST);
        }
        UserModel user = estado == EstadoEnlace.VALIDO ? session.users().getUserById(realm, token.getUserId()) : null;
        if (user == null) {
            return NoFuiYoPage.en(session, NoFuiYoPage.Estado.INVALIDO, Response.Status.BAD_REQUEST);
        }
        if (!session.singleUseObjects().putIfAbsent(claveDeUso(token), Math.max(1, token.getExp() - ahora))) {
            LOG.debugf("No fui yo link for user %s used again", user.getId());
            return NoFuiYoPage.en(session, NoFuiYoPage.Estado.USADO, Response.Status.BAD_REQUEST);
        }
        NoFuiYo.cortar(session, realm, user);
        return NoFuiYoPage.en(session, NoFuiYoPage.Estado.HECHO, Response.Status.OK);
    }

    /**
     * No Origin (an older browser, a privacy setting) is let through: the token is the secret. Nor is the opaque
     * {@code null}: browsers send it for the confirmation form itself, since Keycloak's pages carry
     * {@code Referrer-Policy: no-referrer} and the Fetch standard then serializes a POST's origin as {@code null}
     * (Chromium does; found by TemaAccesibleIT's keyboard journey). Only another site's page is refused.
     */
    static boolean mismoOrigen(String origin, URI base) {
        if (origin == null || origin.isBlank() || "null".equals(origin.strip())) {
            return true;
        }
        try {
            URI o = URI.create(origin.strip());
            return base.getScheme().equalsIgnoreCase(o.getScheme()) && base.getHost().equalsIgnoreCase(o.getHost())
                    && puerto(base) == puerto(o);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static int puerto(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
