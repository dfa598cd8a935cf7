package ar.gob.anses.clavess.admin;

import ar.gob.anses.clavess.cuenta.Cuil;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The one place that decides whether the caller of an admin endpoint of ours may act on the CUIL its path names
 * (anses-nivel, anses-habilitacion, anses-verificacion, and whatever endpoint comes next): every such endpoint asks here
 * before it reads or changes anything of that CUIL, so a refused CUIL answers 403 whatever it has — a lock, attempts,
 * pending requests — and tells nothing of it.
 * <ul>
 * <li>A CUIL with an account is reached only by a caller who may view (to read) or manage (to change) that very
 * account: the realm's fine-grained admin permissions keep the accounts of the group {@code anses-personal} (staff and
 * admins) out of office staff's reach, the clerk's own included, as Keycloak's own user endpoints and the console do;
 * realm admins reach every account.</li>
 * <li>Nobody acts on her own CUIL through these endpoints (her own level, her own lock, her own clave), whatever her
 * roles: a change to one's own account is made by another person.</li>
 * <li>A CUIL without an account needs the same right over users in general.</li>
 * </ul>
 */
public final class Ciudadanos {

    /** What the endpoint does with the CUIL. */
    public enum Acceso {
        /** Reads something of it (its level, state, attempts): Keycloak's view-users right. */
        VER,
        /** Changes something of it: Keycloak's manage-users right. */
        GESTIONAR
    }

    private Ciudadanos() {
    }

    /** The CUIL a path names (typed with or without separators), in digits; 404 when it is not a CUIL. */
    public static String cuil(String typed) {
        Cuil.Lectura parsed = Cuil.leer(typed);
        if (!parsed.esValido()) {
            throw new NotFoundException("not a CUIL");
        }
        return parsed.cuil().digitos();
    }

    /**
     * Whether the caller may act on this CUIL ({@link #cuil} digits), decided before anything else of it is looked at;
     * 403 when not. The CUIL's account, if it has one.
     */
    public static Optional<UserModel> alAlcance(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                                String digitos, Acceso acceso) {
        UserModel user = session.users().getUserByUsername(realm, digitos);
        if (!puede(auth, user, acceso)) {
            throw new ForbiddenException();
        }
        return Optional.ofNullable(user);
    }

    /** The same decision without the 403, for an answer that leaves out what the caller may not reach (a listing). */
    public static boolean alcanzable(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, String digitos,
                                     Acceso acceso) {
        return puede(auth, session.users().getUserByUsername(realm, digitos), acceso);
    }

    /** The same decision for an account already found ({@code null}: the CUIL has none). */
    public static boolean puede(AdminPermissionEvaluator auth, UserModel user, Acceso acceso) {
        if (user == null) {
            return acceso == Acceso.VER ? auth.users().canView() : auth.users().canManage();
        }
        UserModel caller = auth.adminAuth().getUser();
        if (caller != null && caller.getId().equals(user.getId())) {
            return false;
        }
        return acceso == Acceso.VER ? auth.users().canView(user) : auth.users().canManage(user);
    }

    /** The account of a CUIL the caller may reach ({@link #alAlcance}); 404 when the CUIL has none. */
    public static UserModel porCuil(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, String cuil, Acceso acceso) {
        return alAlcance(session, realm, auth, cuil(cuil), acceso).orElseThrow(() -> new NotFoundException("no citizen with that CUIL"));
    }
}
