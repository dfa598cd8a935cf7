package ar.gob.anses.clavess.nofuiyo;

import java.util.UUID;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The signed token of a "No fui yo" link: the user id, its expiry and a single-use nonce, signed with the realm's key.
 * It holds nothing else of the account (no CUIL, no address).
 */
public class NoFuiYoActionToken extends DefaultActionToken {

    /** Token type ({@code typ}) and action-token handler id. Never changes: links already sent carry it. */
    public static final String TOKEN_TYPE = "anses-no-fui-yo";

    public NoFuiYoActionToken(String userId, int absoluteExpirationInSecs) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, UUID.randomUUID());
    }

    /** For Jackson, when the token comes back. */
    private NoFuiYoActionToken() {
    }
}
