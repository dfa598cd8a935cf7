package ar.gob.anses.clavess.nofuiyo;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;

/**
 * Opens a "No fui yo" link ({@code GET …/login-actions/action-token?key=…}): Keycloak's action-token endpoint has
 * already checked the signature, the issuer, the expiry and that the user exists and is enabled (an expired or forged
 * link gets Keycloak's error page, in our theme's words). This handler changes nothing: it shows the confirmation page,
 * whose form POSTs the token to {@link NoFuiYoResource}, so that a mail scanner that follows the link does nothing. A
 * link already used shows that, here too.
 *
 * <p>Factory and provider in one, as Keycloak's own handlers ({@link AbstractActionTokenHandler}).
 */
public final class NoFuiYoActionTokenHandler extends AbstractActionTokenHandler<NoFuiYoActionToken> {

    public static final String PROVIDER_ID = NoFuiYoActionToken.TOKEN_TYPE;
    /** The message of Keycloak's error page when the link cannot be used (besides expiry). */
    static final String MSG_INVALIDO = "ansesNoFuiYoInvalido";

    public NoFuiYoActionTokenHandler() {
        super(PROVIDER_ID, NoFuiYoActionToken.class, MSG_INVALIDO, EventType.EXECUTE_ACTION_TOKEN, Errors.INVALID_TOKEN);
    }

    @Override
    public Response handleToken(NoFuiYoActionToken token, ActionTokenContext<NoFuiYoActionToken> tokenContext) {
        if (tokenContext.getSession().singleUseObjects().contains(NoFuiYoResource.claveDeUso(token))) {
            tokenContext.getEvent().error(Errors.EXPIRED_CODE);
            return NoFuiYoPage.en(tokenContext.getSession(), NoFuiYoPage.Estado.USADO, Response.Status.BAD_REQUEST);
        }
        String key = tokenContext.getUriInfo().getQueryParameters().getFirst(Constants.KEY);
        return NoFuiYoPage.confirmar(tokenContext.getSession(), tokenContext.getAuthenticationSession(), key);
    }

    /** Opening it is harmless; spending it is the POST's ({@link NoFuiYoResource}), once. */
    @Override
    public boolean canUseTokenRepeatedly(NoFuiYoActionToken token, ActionTokenContext<NoFuiYoActionToken> tokenContext) {
        return true;
    }
}
