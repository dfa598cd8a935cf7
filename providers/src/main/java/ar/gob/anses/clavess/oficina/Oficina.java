package ar.gob.anses.clavess.oficina;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserModel.UserPreRemovedEvent;
import org.keycloak.services.ErrorResponse;

/**
 * Office staff: holders of the realm role {@code anses-oficina}. The realm's fine-grained admin permissions
 * let them view and manage citizens (find by CUIL, change {@code nivel}, unlock); Keycloak's "manage" scope
 * cannot be split further, so the one irreversible thing it would also allow, deleting a citizen's account,
 * is refused here.
 */
public final class Oficina {

    public static final String ROL = "anses-oficina";
    static final String BORRAR_PROHIBIDO = "anses_oficina_no_borra_cuentas";

    private Oficina() {
    }

    /** Refuses the deletion when the admin request comes from office staff without Keycloak's manage-users role. */
    static void antesDeBorrar(UserPreRemovedEvent event) {
        if (esPersonalDeOficina(event.getKeycloakSession(), event.getRealm())) {
            throw ErrorResponse.error(BORRAR_PROHIBIDO, Response.Status.FORBIDDEN);
        }
    }

    /** Whether the current admin request's bearer belongs to this realm's office staff acting only as staff. */
    static boolean esPersonalDeOficina(KeycloakSession session, RealmModel realm) {
        RoleModel rol = realm.getRole(ROL);
        // the bearer's user, found by subject or, in lightweight tokens without one, by session
        UserModel actor = session.getContext().getBearerToken() == null ? null : session.getContext().getUser();
        if (rol == null || actor == null || !actor.hasRole(rol)) {
            return false;
        }
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel manageUsers = realmManagement == null ? null : realmManagement.getRole(AdminRoles.MANAGE_USERS);
        return manageUsers == null || !actor.hasRole(manageUsers);
    }
}
