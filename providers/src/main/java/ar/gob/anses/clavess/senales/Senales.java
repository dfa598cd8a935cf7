package ar.gob.anses.clavess.senales;

import org.jboss.logging.Logger;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.ssf.Ssf;
import java.util.List;
import java.util.function.Supplier;
import org.keycloak.ssf.event.InitiatingEntity;
import org.keycloak.ssf.event.caep.CaepCredentialChange;
import org.keycloak.ssf.event.caep.CaepEvent;
import org.keycloak.ssf.subject.SubjectId;
import org.keycloak.ssf.transmitter.SsfTransmitterProvider;
import org.keycloak.ssf.transmitter.delivery.SecurityEventTokenDispatcher;
import org.keycloak.ssf.transmitter.stream.StreamConfig;

/**
 * Sends a signal of ours through Keycloak's Shared Signals transmitter, to the same streams and under the same rules as
 * its own: only receivers the citizen is a subject of (she used the app: {@code ssf.autoNotifyOnLogin}, or the app added
 * her), only streams that asked for the type and are enabled, written to Keycloak's outbox in the request's transaction
 * (a change rolled back sends nothing; one committed is pushed or polled, with Keycloak's retries, whatever node dies).
 */
public final class Senales {

    private static final Logger LOG = Logger.getLogger(Senales.class);

    private Senales() {
    }

    /** Whether this realm sends signals: the server has the {@code ssf} feature and the realm's transmitter is on. */
    public static boolean activas(KeycloakSession session, RealmModel realm) {
        return realm != null && Ssf.isTransmitterEnabled(realm) && session.getProvider(SsfTransmitterProvider.class) != null;
    }

    /** CAEP {@code assurance-level-change} for {@code user}, from {@code cambio.anterior()} to {@code cambio.nuevo()}. */
    public static void cambioDeNivel(KeycloakSession session, RealmModel realm, UserModel user, DecisionSenal.Cambio cambio,
                                     InitiatingEntity quien) {
        enviar(session, realm, user, CambioDeNivelCaep.TYPE, () -> new CambioDeNivelCaep(cambio.anterior(), cambio.nuevo()), quien);
    }

    /**
     * CAEP {@code credential-change} with {@code change_type=revoke} for the clave: "No fui yo" marked it compromised, it
     * opens nothing until it is replaced. Keycloak's transmitter knows no such event (it sends {@code session-revoked}
     * for the same confirmation, from its LOGOUT event).
     */
    public static void claveRevocada(KeycloakSession session, RealmModel realm, UserModel user) {
        enviar(session, realm, user, CaepCredentialChange.TYPE, () -> {
            CaepCredentialChange evento = new CaepCredentialChange();
            evento.setChangeType(CaepCredentialChange.ChangeType.REVOKE);
            evento.setCredentialType("password");
            return evento;
        }, InitiatingEntity.USER);
    }

    private static void enviar(KeycloakSession session, RealmModel realm, UserModel user, String tipo, Supplier<CaepEvent> evento,
                               InitiatingEntity quien) {
        if (!activas(session, realm)) {
            return;
        }
        // The transmitter finds streams, subjects and the issuer in the context's realm: the event's, whoever asked. And
        // every receiving app, whatever the caller may see: an office clerk's fine-grained admin permissions, which do not
        // let her view clients, would hide them all (see OficinaSinSenales).
        RealmModel delContexto = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            AdminPermissionsSchema.runWithoutAuthorization(session, () -> enviarEnElRealm(session, user, tipo, evento, quien));
        } finally {
            session.getContext().setRealm(delContexto);
        }
    }

    private static void enviarEnElRealm(KeycloakSession session, UserModel user, String tipo, Supplier<CaepEvent> evento, InitiatingEntity quien) {
        SsfTransmitterProvider transmisor = session.getProvider(SsfTransmitterProvider.class);
        SecurityEventTokenDispatcher despachador = transmisor.securityEventTokenDispatcher();
        List<StreamConfig> streams = transmisor.streamService().findStreamsForSsfReceiverClients();
        for (StreamConfig stream : streams) {
            if (!despachador.shouldDispatchForUser(user, stream)) {
                continue;
            }
            CaepEvent caep = evento.get();
            caep.setEventTimestamp(Time.currentTime());
            caep.setInitiatingEntity(quien);
            SubjectId sujeto = transmisor.securityEventTokenMapper().buildSubjectForReceiver(stream, user.getId());
            // dispatchEvent applies the stream's own gates again: its status, the types it asked for, the subject.
            despachador.dispatchEvent(transmisor.securityEventTokenMapper().generateSyntheticEvent(stream, tipo, caep, sujeto), stream);
            LOG.debugf("%s for user %s queued for stream %s", tipo, user.getId(), stream.getStreamId());
        }
    }
}
