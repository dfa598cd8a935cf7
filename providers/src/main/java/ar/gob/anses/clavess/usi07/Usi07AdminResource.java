package ar.gob.anses.clavess.usi07;

import ar.gob.anses.clavess.admin.Ciudadanos;
import ar.gob.anses.clavess.admin.Ciudadanos.Acceso;
import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.CodigoVerificacion;
import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/anses-usi07/{codigo}}: whose Formulario USI-07 a verification code is, for office
 * staff holding a printed form. It answers the CUIL, the name, the clave's state and level and when the clave was set,
 * nothing else. Asking needs the right to query users (office staff and realm admins have it; a citizen does not: 403);
 * an unknown or replaced code, a code of a CUIL the caller may not reach ({@link Ciudadanos}: a staff member's, her own)
 * and anything that is not a code are all 404.
 */
public final class Usi07AdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    Usi07AdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("{codigo}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verificar(@PathParam("codigo") String codigo) {
        auth.users().requireQuery();
        Optional<String> canonico = CodigoVerificacion.leer(codigo);
        Optional<UserModel> user = canonico.flatMap(c -> Cuenta.conCodigoUsi07(session, realm, c)).filter(u -> Ciudadanos.puede(auth, u, Acceso.VER));
        Map<String, Object> formulario = new LinkedHashMap<>();
        if (user.isPresent()) {
            UserModel u = user.get();
            formulario.put("cuil", u.getUsername());
            formulario.put("nombre", u.getFirstName());
            formulario.put("apellido", u.getLastName());
            formulario.put(Atributos.ESTADO_CLAVE, EstadoClave.de(u).name());
            Usi07.nivel(u).ifPresent(nivel -> formulario.put(Atributos.NIVEL, nivel));
            formulario.put("fechaCreacionClave", Usi07.claveCreada(u).atZone(HoraArgentina.ZONA).toOffsetDateTime().toString());
            return Response.ok(formulario, MediaType.APPLICATION_JSON).build();
        }
        // A pending request's form: its creator proved nothing, so there is no name to show, only what the form says.
        Optional<ClavesPendientes.Solicitud> solicitud = canonico.flatMap(c -> session.getProvider(ClavesPendientes.class).porCodigo(realm, c));
        if (solicitud.isEmpty() || !Ciudadanos.alcanzable(session, realm, auth, solicitud.get().cuil(), Acceso.VER)) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "ningún Formulario USI-07 vigente tiene ese código")).build();
        }
        formulario.put("cuil", solicitud.get().cuil());
        formulario.put(Atributos.ESTADO_CLAVE, EstadoClave.PENDIENTE.name());
        formulario.put("fechaCreacionClave", Instant.ofEpochMilli(solicitud.get().creadaMillis()).atZone(HoraArgentina.ZONA).toOffsetDateTime().toString());
        return Response.ok(formulario, MediaType.APPLICATION_JSON).build();
    }
}
