package ar.gob.anses.clavess.habilitacion;

import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Pending claves of a session: their deadline and their deletion. Time is Keycloak's ({@link Time}), so its offset
 * moves every deadline at once.
 */
public final class ClavesPendientes implements Provider {

    /** Event detail on the deletion of an expired pending clave (DELETE_ACCOUNT). */
    public static final String MOTIVO = "anses_motivo";
    public static final String MOTIVO_VENCIDA = "anses_clave_pendiente_vencida";

    private final KeycloakSession session;
    private final PlazoHabilitacion plazo;

    ClavesPendientes(KeycloakSession session, PlazoHabilitacion plazo) {
        this.session = session;
        this.plazo = plazo;
    }

    public PlazoHabilitacion plazo() {
        return plazo;
    }

    /** When this pending clave is deleted: its creation is the user's, a pending clave is never given to an existing user. */
    public long venceMillis(UserModel user) {
        return plazo.venceMillis(creada(user));
    }

    public long diasRestantes(UserModel user) {
        return plazo.diasRestantes(creada(user), Time.currentTimeMillis());
    }

    public boolean vencida(UserModel user) {
        return EstadoClave.de(user) == EstadoClave.PENDIENTE && plazo.vencida(creada(user), Time.currentTimeMillis());
    }

    /** Deletes every expired pending clave of the realm; how many. */
    public int eliminarVencidas(RealmModel realm) {
        return (int) session.users().searchForUserByUserAttributeStream(realm, EstadoClave.ATRIBUTO, EstadoClave.PENDIENTE.name())
                .filter(this::vencida).toList().stream()
                .filter(user -> eliminar(realm, user)).count();
    }

    /** Deletes an expired pending clave (the user: it never held anything else), with its event. */
    public boolean eliminar(RealmModel realm, UserModel user) {
        if (!vencida(user)) {
            return false;
        }
        String id = user.getId();
        String cuil = user.getUsername();
        boolean eliminada = session.users().removeUser(realm, user);
        if (eliminada) {
            new EventBuilder(realm, session).event(EventType.DELETE_ACCOUNT).user(id)
                    .detail("username", cuil).detail(MOTIVO, MOTIVO_VENCIDA).success();
        }
        return eliminada;
    }

    private static long creada(UserModel user) {
        Long creada = user.getCreatedTimestamp();
        return creada == null ? 0 : creada;
    }

    @Override
    public void close() {
    }
}
