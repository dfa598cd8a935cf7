package ar.gob.anses.clavess.linea130;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * The link Línea 130 sends to a confirmed email: Keycloak's "execute actions" token asking for Update password, with
 * the token type {@value #TOKEN_TYPE} so that our handler ({@link EnlaceClaveActionTokenHandler}) opens it and it is
 * spent once the clave is chosen (Keycloak's own lets one link choose a clave again until it expires). Sent with
 * Keycloak's "execute actions" email of the realm's email theme; it lives the realm's admin-made action token lifespan.
 */
final class EnlaceClave {

    static final String TOKEN_TYPE = "anses-linea-130";

    private EnlaceClave() {
    }

    static void enviar(KeycloakSession session, RealmModel realm, UserModel user) {
        int vida = realm.getActionTokenGeneratedByAdminLifespan();
        List<String> acciones = List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name());
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(user.getId(), user.getEmail(), Time.currentTime() + vida,
                acciones, null, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        token.type(TOKEN_TYPE);
        UriInfo uri = session.getContext().getUri();
        String enlace = LoginActionsService.actionTokenProcessor(uri).queryParam(Constants.KEY, token.serialize(session, realm, uri))
                .build(realm.getName()).toString();
        try {
            session.getProvider(EmailTemplateProvider.class).setAttribute(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, acciones)
                    .setRealm(realm).setUser(user).sendExecuteActions(enlace, TimeUnit.SECONDS.toMinutes(vida));
        } catch (EmailException e) {
            throw new IllegalStateException("the Línea 130 link could not be sent", e);
        }
    }
}
