package ar.gob.anses.clavess.nofuiyo;

import java.net.URI;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.LoginActionsService;

/**
 * The "No fui yo" link of a notice: Keycloak's action-token URL ({@code …/login-actions/action-token?key=…}) with a
 * {@link NoFuiYoActionToken} for the user. Built when the notice is sent, by the sender thread, without a request: the
 * issuer and the URL are the public base URI the outbox row keeps (the server's configured public address, the same
 * as the notice's Olvidé mi clave link), and Keycloak checks that issuer against the base URI the link is opened at.
 * The session's realm must be set (the token is signed with its key).
 */
public final class EnlaceNoFuiYo {

    private EnlaceNoFuiYo() {
    }

    /** The link, valid for the realm's lifespan of this token type ({@link #vigencia}). */
    public static String crear(KeycloakSession session, RealmModel realm, String userId, String baseUri) {
        URI base = URI.create(baseUri);
        int ahora = Time.currentTime();
        NoFuiYoActionToken token = new NoFuiYoActionToken(userId, ahora + vigencia(realm));
        String emisor = Urls.realmIssuer(base, realm.getName());
        token.iat((long) ahora);
        token.id(token.getActionVerificationNonce().toString());
        token.issuer(emisor);
        token.audience(emisor);
        String firmado = session.tokens().encode(token);
        // Urls.actionTokenBuilder, without its client_id and tab_id: there is no app and no tab (it refuses nulls).
        return Urls.loginActionsBase(base).path(LoginActionsService.class, "executeActionToken")
                .queryParam(Constants.KEY, firmado).build(realm.getName()).toString();
    }

    /**
     * Seconds a link lasts: the realm attribute {@code actionTokenGeneratedByUserLifespan.anses-no-fui-yo} (604800, a
     * week, in the realm export), else the realm's lifespan of user-requested action tokens.
     */
    public static int vigencia(RealmModel realm) {
        return realm.getActionTokenGeneratedByUserLifespan(NoFuiYoActionToken.TOKEN_TYPE);
    }

    /** Whole days a link of {@code segundos} lasts, as the notice tells it; 0 under a day (then it says hours). */
    public static int dias(int segundos) {
        return Math.max(0, segundos) / 86_400;
    }

    /** Hours a link of {@code segundos} lasts, rounded up, at least 1: what the notice says under a day. */
    public static int horas(int segundos) {
        return Math.max(1, (Math.max(0, segundos) + 3_599) / 3_600);
    }
}
