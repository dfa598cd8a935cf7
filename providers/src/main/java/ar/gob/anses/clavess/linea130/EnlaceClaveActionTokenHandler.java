package ar.gob.anses.clavess.linea130;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionTokenHandler;

/**
 * Opens Línea 130's link ({@link EnlaceClave}) as Keycloak opens its "execute actions" links (a page to confirm, then
 * Update password), but single-use: Keycloak spends the token when the clave has been chosen, as it does with its reset
 * links, so the same link cannot choose a clave twice. Opening it alone (a mail scanner) spends nothing.
 */
public final class EnlaceClaveActionTokenHandler extends ExecuteActionsActionTokenHandler {

    @Override
    public String getId() {
        return EnlaceClave.TOKEN_TYPE;
    }

    @Override
    public boolean canUseTokenRepeatedly(ExecuteActionsActionToken token, ActionTokenContext<ExecuteActionsActionToken> tokenContext) {
        return false;
    }
}
