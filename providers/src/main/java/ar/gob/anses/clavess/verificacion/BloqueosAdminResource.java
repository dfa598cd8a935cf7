package ar.gob.anses.clavess.verificacion;

import ar.gob.anses.clavess.admin.Ciudadanos;
import ar.gob.anses.clavess.admin.Ciudadanos.Acceso;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Verification locks for admins: Crear clave's ({@code bloqueos}) and the online enablement of pending claves'
 * ({@code habilitacion/bloqueos}). Listing needs the right to view users, lifting one the right to manage them; each
 * lift is an admin event. A CUIL is reached only as {@link Ciudadanos#alAlcance} decides (never a staff member's, nor
 * the caller's own), and the lists leave out those the caller may not reach.
 */
public final class BloqueosAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BloqueosAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource("ANSES_VERIFICACION");
    }

    /** CUILs whose online verification is locked now, with until when (epoch seconds). */
    @GET
    @Path("bloqueos")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> bloqueos() {
        return bloqueadas(TipoIntentos.VERIFICACION);
    }

    /** The attempts of one CUIL, locked or not. */
    @GET
    @Path("bloqueos/{cuil}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> intentos(@PathParam("cuil") String cuil) {
        return intentos(cuil, TipoIntentos.VERIFICACION);
    }

    /** Forgets the failures of a CUIL: the citizen may verify again at once. */
    @DELETE
    @Path("bloqueos/{cuil}")
    public Response desbloquear(@PathParam("cuil") String cuil) {
        return desbloquear(cuil, TipoIntentos.VERIFICACION, "bloqueos");
    }

    /**
     * CUILs whose online enablement of pending claves is locked now by the ceiling per CUIL (IntentosHabilitacion: the
     * pending claves registered after it was reached cannot be enabled online), with until when (epoch seconds).
     */
    @GET
    @Path("habilitacion/bloqueos")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> bloqueosHabilitacion() {
        return bloqueadas(TipoIntentos.HABILITACION);
    }

    /**
     * The online enablement attempts of one CUIL: the failures of all its pending claves since the count last started and
     * whether the ceiling locks the ones registered since, locked or not.
     */
    @GET
    @Path("habilitacion/bloqueos/{cuil}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> intentosHabilitacion(@PathParam("cuil") String cuil) {
        return intentos(cuil, TipoIntentos.HABILITACION);
    }

    /** Forgets the online enablement failures of a CUIL and of each of its pending claves: each can be enabled online again. */
    @DELETE
    @Path("habilitacion/bloqueos/{cuil}")
    public Response desbloquearHabilitacion(@PathParam("cuil") String cuil) {
        return desbloquear(cuil, TipoIntentos.HABILITACION, "habilitacion/bloqueos");
    }

    /** One CUIL's attempts of one kind, locked or not. */
    private Map<String, Object> intentos(String cuil, TipoIntentos tipo) {
        String digits = alAlcance(cuil, Acceso.VER);
        IntentosVerificacion intentos = new IntentosVerificacionStore(session, realm, tipo).get(digits);
        return Map.of("cuil", digits, "intentosFallidos", intentos.fallidos(), "bloqueadaHasta", intentos.bloqueadaHasta(),
                "bloqueada", intentos.bloqueada(Time.currentTime()));
    }

    /** Forgets one CUIL's failures of one kind, as an admin event on the path it was asked at. */
    private Response desbloquear(String cuil, TipoIntentos tipo, String ruta) {
        String digits = alAlcance(cuil, Acceso.GESTIONAR);
        new IntentosVerificacionStore(session, realm, tipo).limpiar(digits);
        adminEvent.operation(OperationType.DELETE).resourcePath("anses-verificacion", ruta, digits).success();
        return Response.noContent().build();
    }

    /** The CUILs locked now for one kind of attempts, leaving out those the caller may not reach. */
    private List<Map<String, Object>> bloqueadas(TipoIntentos tipo) {
        auth.users().requireView();
        IntentosVerificacionStore store = new IntentosVerificacionStore(session, realm, tipo);
        long ahora = Time.currentTime();
        return store.bloqueadas(ahora).stream().filter(cuil -> Ciudadanos.alcanzable(session, realm, auth, cuil, Acceso.VER)).map(cuil -> {
            IntentosVerificacion intentos = store.get(cuil);
            return Map.<String, Object>of("cuil", cuil, "intentosFallidos", intentos.fallidos(), "bloqueadaHasta", intentos.bloqueadaHasta());
        }).toList();
    }

    /** The CUIL of the path in digits, once the caller may act on it (404 not a CUIL, 403 out of her reach). */
    private String alAlcance(String cuil, Acceso acceso) {
        String digits = Ciudadanos.cuil(cuil);
        Ciudadanos.alAlcance(session, realm, auth, digits, acceso);
        return digits;
    }
}
