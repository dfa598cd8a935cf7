package ar.gob.anses.clavess.nivel;

import ar.gob.anses.clavess.admin.Ciudadanos;
import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.Nivel;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/anses-nivel/{cuil}}: a citizen's level by CUIL, and its change, recorded as a
 * {@link CambioNivel} admin event. Who may read or change it is {@link Ciudadanos#alAlcance}'s decision (office staff
 * reach citizens through the realm's fine-grained admin permissions, never staff nor themselves).
 */
public final class NivelAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    NivelAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(CambioNivel.RECURSO);
    }

    @GET
    @Path("{cuil}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> nivel(@PathParam("cuil") String cuil) {
        UserModel user = Ciudadanos.porCuil(session, realm, auth, cuil, Ciudadanos.Acceso.VER);
        return Map.of("cuil", user.getUsername(), Atributos.NIVEL, Nivel.de(user));
    }

    /** Body {@code {"nivel": 3}} (or "3"): 204, or 400 for anything but 2 or 3. */
    @PUT
    @Path("{cuil}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cambiar(@PathParam("cuil") String cuil, Map<String, Object> body) {
        UserModel user = Ciudadanos.porCuil(session, realm, auth, cuil, Ciudadanos.Acceso.GESTIONAR);
        Integer nuevo = Nivel.leer(body == null ? null : String.valueOf(body.get(Atributos.NIVEL))).orElseThrow(
                () -> new BadRequestException("nivel must be 2 or 3"));
        CambioNivel cambio = new CambioNivel(user.getUsername(), Nivel.de(user), nuevo);
        user.setSingleAttribute(Atributos.NIVEL, String.valueOf(nuevo));
        adminEvent.operation(OperationType.UPDATE).resourcePath(cambio.resourcePath()).representation(cambio.representacion()).success();
        return Response.noContent().build();
    }

}
