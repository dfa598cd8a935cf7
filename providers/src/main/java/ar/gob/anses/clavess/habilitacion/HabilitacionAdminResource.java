package ar.gob.anses.clavess.habilitacion;

import ar.gob.anses.clavess.admin.Ciudadanos;
import ar.gob.anses.clavess.nivel.Nivel;
import ar.gob.anses.clavess.usi07.CodigoVerificacion;
import ar.gob.anses.clavess.usi07.Usi07;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/anses-habilitacion/{cuil}}: the state of a citizen's clave and, for a pending one, its
 * enablement by an office (seed 003, B.5.2: the USI-07 signed and certified, mailed to the UCA or brought by an
 * apoderado → level 2; the citizen in person with the DNI → level 3). Each enablement is an admin event of resource
 * type {@code ANSES_HABILITACION} with the old and new state; the citizen hears of it by email (the notices).
 * Reading needs the right to view that user, enabling the right to manage them (office staff have both).
 */
public final class HabilitacionAdminResource {

    public static final String RECURSO = "ANSES_HABILITACION";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    HabilitacionAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RECURSO);
    }

    @GET
    @Path("{cuil}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> estado(@PathParam("cuil") String cuil) {
        UserModel user = Ciudadanos.porCuil(session, realm, cuil);
        auth.users().requireView(user);
        Map<String, Object> estado = new LinkedHashMap<>();
        estado.put("cuil", user.getUsername());
        estado.put(EstadoClave.ATRIBUTO, EstadoClave.de(user).name());
        if (EstadoClave.de(user) == EstadoClave.PENDIENTE) {
            ClavesPendientes pendientes = session.getProvider(ClavesPendientes.class);
            estado.put("creada", Instant.ofEpochMilli(user.getCreatedTimestamp()).toString());
            estado.put("vence", Instant.ofEpochMilli(pendientes.venceMillis(user)).toString());
        } else {
            estado.put(Nivel.ATRIBUTO, Nivel.de(user));
        }
        return estado;
    }

    /**
     * Body {@code {"nivel": 2}} (the USI-07 by mail or by an apoderado) or {@code {"nivel": 3}} (in person with the DNI):
     * the pending clave is enabled with that level. With {@code "codigo"} (the verification code of the form presented),
     * only if that form is this clave's current one. 404 for an unknown CUIL, 409 for a clave that is not pending or a
     * form of another clave.
     */
    @POST
    @Path("{cuil}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> habilitar(@PathParam("cuil") String cuil, Map<String, Object> body) {
        UserModel user = Ciudadanos.porCuil(session, realm, cuil);
        auth.users().requireManage(user);
        int nivel = Nivel.leer(body == null ? null : String.valueOf(body.get(Nivel.ATRIBUTO)))
                .orElseThrow(() -> new BadRequestException("nivel must be 2 (USI-07 by mail or apoderado) or 3 (in person with the DNI)"));
        if (EstadoClave.de(user) != EstadoClave.PENDIENTE) {
            throw new ClientErrorException("the clave of " + user.getUsername() + " is not pending", 409);
        }
        Object codigo = body.get("codigo");
        if (codigo != null && !CodigoVerificacion.leer(String.valueOf(codigo)).equals(Optional.ofNullable(user.getFirstAttribute(Usi07.ATRIBUTO)))) {
            throw new ClientErrorException("the USI-07 presented is not the current form of " + user.getUsername() + "'s clave", 409);
        }
        EstadoClave.HABILITADA.asignar(user);
        user.setSingleAttribute(Nivel.ATRIBUTO, String.valueOf(nivel));
        Map<String, Object> cambio = new LinkedHashMap<>();
        cambio.put("cuil", user.getUsername());
        cambio.put("estadoAnterior", EstadoClave.PENDIENTE.name());
        cambio.put("estadoNuevo", EstadoClave.HABILITADA.name());
        cambio.put("nivelNuevo", nivel);
        adminEvent.operation(OperationType.UPDATE)
                .resourcePath(HabilitacionAdminResourceProviderFactory.PROVIDER_ID + "/" + user.getUsername())
                .representation(cambio).success();
        return estado(user.getUsername());
    }

}
