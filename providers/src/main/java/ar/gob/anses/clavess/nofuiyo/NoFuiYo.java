package ar.gob.anses.clavess.nofuiyo;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * What a confirmed "No fui yo" does to the account, in the request's transaction: every session ends, the clave stops
 * working until it is replaced, the second factor stays. The event it records ({@code LOGOUT} with
 * {@code reason=anses_no_fui_yo}) is what the office's event list shows and what the notices listener turns into the
 * confirmation notice ({@code TipoAviso.NO_FUI_YO}), written to the outbox with this change.
 */
public final class NoFuiYo {

    /** Detail {@code reason} of the event. Never changes: office staff and reports filter on it. */
    public static final String MOTIVO = "anses_no_fui_yo";
    /** Detail of the event: how many sessions (online and offline) were ended. */
    public static final String DETALLE_SESIONES = "anses_sesiones";

    private static final Logger LOG = Logger.getLogger(NoFuiYo.class);

    private NoFuiYo() {
    }

    /**
     * Ends everything the citizen is signed in with and marks the clave compromised:
     * <ul>
     * <li>the user's not-before is now: every access, ID and refresh token issued before is refused, on every node;</li>
     * <li>each user session, online and offline, is logged out through Keycloak's backchannel logout, which tells every
     * app that has a backchannel logout URL and revokes the offline tokens;</li>
     * <li>the attribute {@link ClaveComprometida#ATRIBUTO}: the clave is refused at login until a newer one is set;</li>
     * <li>a change of address asked for and not confirmed yet (Keycloak's Update email) is cancelled: its link, in the
     * mailbox of whoever asked for it, then changes nothing.</li>
     * </ul>
     * No credential is removed: the second factor stays, so that the recovery is still protected by it.
     *
     * @return how many sessions were ended
     */
    public static int cortar(KeycloakSession session, RealmModel realm, UserModel user) {
        KeycloakContext contexto = session.getContext();
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user).toList();
        for (UserSessionModel sesion : online) {
            AuthenticationManager.backchannelLogout(session, realm, sesion, contexto.getUri(), contexto.getConnection(),
                    contexto.getRequestHeaders(), true);
        }
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        for (UserSessionModel sesion : offline) {
            AuthenticationManager.backchannelLogout(session, realm, sesion, contexto.getUri(), contexto.getConnection(),
                    contexto.getRequestHeaders(), true, true);
        }
        user.setSingleAttribute(ClaveComprometida.ATRIBUTO, ClaveComprometida.marca(Time.currentTimeMillis()));
        // Keycloak's Update email applies a confirmed link only while the address it names is still pending.
        user.removeAttribute(UserModel.EMAIL_PENDING);
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_EMAIL);
        int sesiones = online.size() + offline.size();
        new EventBuilder(realm, session, contexto.getConnection()).event(EventType.LOGOUT).user(user)
                .detail(Details.REASON, MOTIVO).detail(DETALLE_SESIONES, String.valueOf(sesiones)).success();
        LOG.infof("No fui yo: user %s, %d sessions ended, clave marked compromised", user.getId(), sesiones);
        return sesiones;
    }
}
