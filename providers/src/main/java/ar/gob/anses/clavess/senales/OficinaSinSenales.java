package ar.gob.anses.clavess.senales;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.ssf.event.token.SsfSecurityEventToken;
import org.keycloak.ssf.transmitter.SsfTransmitterProvider;
import org.keycloak.ssf.transmitter.event.SsfTransmitterEventListener;
import org.keycloak.ssf.transmitter.stream.StreamConfig;

/**
 * Keycloak's own Shared Signals for an office's action, to the apps Keycloak 26.7.3 leaves out. Its listener finds the
 * receiving apps with a client search that fine-grained admin permissions (on in this realm) filter by the caller's
 * rights: an office clerk, who may not view clients, resets a clave or ends the sessions and no app is told. This runs
 * Keycloak's very conversion again, without that filter, and sends only to the streams Keycloak's listener did not see:
 * an app never hears one change twice, whoever made it.
 */
final class OficinaSinSenales extends SsfTransmitterEventListener {

    private final KeycloakSession session;

    OficinaSinSenales(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent adminEvent, boolean includeRepresentation) {
        if (AdminPermissionsSchema.isSkipEvaluation(session)) {
            return; // no filter applied: Keycloak's listener saw every stream
        }
        super.onEvent(adminEvent, includeRepresentation);
    }

    @Override
    protected List<Map.Entry<SsfSecurityEventToken, StreamConfig>> generateSecurityEventTokensForAdminEvent(AdminEvent adminEvent,
                                                                                                         SsfTransmitterProvider transmitter) {
        Set<String> vistos = transmitter.streamService().findStreamsForSsfReceiverClients().stream().map(StreamConfig::getStreamId)
                .collect(Collectors.toSet());
        List<Map.Entry<SsfSecurityEventToken, StreamConfig>> todos = AdminPermissionsSchema.runWithoutAuthorization(session,
                () -> super.generateSecurityEventTokensForAdminEvent(adminEvent, transmitter));
        return todos.stream().filter(token -> !vistos.contains(token.getValue().getStreamId())).toList();
    }

    @Override
    protected void dispatchSecurityEventTokens(List<Map.Entry<SsfSecurityEventToken, StreamConfig>> streamTokens,
                                               SsfTransmitterProvider transmitter) {
        AdminPermissionsSchema.runWithoutAuthorization(session, () -> super.dispatchSecurityEventTokens(streamTokens, transmitter));
    }
}
