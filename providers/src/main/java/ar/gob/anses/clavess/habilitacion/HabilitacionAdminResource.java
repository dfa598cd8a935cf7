package ar.gob.anses.clavess.habilitacion;

import ar.gob.anses.clavess.admin.Ciudadanos;
import ar.gob.anses.clavess.admin.Ciudadanos.Acceso;
import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.CodigoVerificacion;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.padron.Curatela;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.theme.Theme;

/**
 * {@code /admin/realms/{realm}/anses-habilitacion/{cuil}}: the state of a CUIL's clave and the two ways an office
 * serves a resident abroad (seed 003, B.5.2).
 * <ul>
 * <li>{@code POST {cuil}} {@code {"nivel": 2|3, "codigo": "<USI-07 code>"}}: enables the pending request whose current
 * Formulario USI-07 carries that code — the form signed and certified, by mail or an apoderado (level 2), or brought
 * with the DNI (level 3). The code is required: it is what ties the person at the counter to the request she made.</li>
 * <li>{@code POST {cuil}/clave-provisoria}: a citizen without a form (she never made the request, or lost it), served
 * after staff check her DNI. The account is created with level 3 and a provisional clave she must replace at her first
 * login; every pending request of the CUIL is discarded.</li>
 * </ul>
 * Each is an admin event of resource type {@code ANSES_HABILITACION} with the old and new state; the citizen hears of an
 * enablement by email (the notices). Reading needs the right to view users, enabling the right to manage them (office
 * staff have both), and a CUIL the caller may reach ({@link Ciudadanos#alAlcance}: never a staff member's, nor her own).
 * A person under curatela gets neither ({@link Curatela}): the refusal says why and what her curador can do. Errors
 * answer {@code {"error": "…"}} saying what to do.
 */
public final class HabilitacionAdminResource {

    public static final String RECURSO = "ANSES_HABILITACION";
    private static final SecureRandom AZAR = new SecureRandom();
    private static final String SIN_CLAVE = "SIN_CLAVE";

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

    /**
     * An account: its state and level. No account but pending requests: {@code PENDIENTE} with each request's creation
     * and deadline (never their emails: whoever made them proved nothing). Neither: 404.
     */
    @GET
    @Path("{cuil}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> estado(@PathParam("cuil") String cuil) {
        String digitos = cuil(cuil);
        UserModel user = Ciudadanos.alAlcance(session, realm, auth, digitos, Acceso.VER).orElse(null);
        Map<String, Object> estado = new LinkedHashMap<>();
        estado.put("cuil", digitos);
        if (user != null) {
            estado.put(Atributos.ESTADO_CLAVE, EstadoClave.de(user).name());
            estado.put(Atributos.NIVEL, Nivel.de(user));
            return estado;
        }
        ClavesPendientes pendientes = pendientes();
        List<ClavesPendientes.Solicitud> solicitudes = pendientes.delCuil(realm, digitos).stream().filter(s -> !pendientes.vencida(s)).toList();
        if (solicitudes.isEmpty()) {
            throw error(Response.Status.NOT_FOUND, "no clave and no pending clave for " + digitos);
        }
        estado.put(Atributos.ESTADO_CLAVE, EstadoClave.PENDIENTE.name());
        estado.put("solicitudes", solicitudes.stream().map(s -> Map.of(
                "creada", Instant.ofEpochMilli(s.creadaMillis()).toString(),
                "vence", Instant.ofEpochMilli(pendientes.venceMillis(s)).toString())).toList());
        return estado;
    }

    /**
     * Body {@code {"nivel": 2, "codigo": …}} (the USI-07 by mail or by an apoderado) or {@code {"nivel": 3, "codigo": …}}
     * (in person with the DNI and the form): the pending request that form belongs to becomes the account with that level.
     * 400 without a valid level or code; 409 when the person is under curatela (with what her curador can do), the CUIL
     * has an account already or no current form of its pending claves has that code.
     */
    @POST
    @Path("{cuil}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> habilitar(@PathParam("cuil") String cuil, Map<String, Object> body) {
        String digitos = cuil(cuil);
        boolean conCuenta = Ciudadanos.alAlcance(session, realm, auth, digitos, Acceso.GESTIONAR).isPresent();
        int nivel = Nivel.leer(body == null ? null : String.valueOf(body.get(Atributos.NIVEL)))
                .orElseThrow(() -> error(Response.Status.BAD_REQUEST,
                        "nivel must be 2 (USI-07 by mail or apoderado) or 3 (in person with the DNI)"));
        Optional<String> codigo = Optional.ofNullable(body.get("codigo")).map(String::valueOf).flatMap(CodigoVerificacion::leer);
        if (codigo.isEmpty()) {
            throw error(Response.Status.BAD_REQUEST, "codigo is required: the verification code printed on the USI-07 presented. "
                    + "A citizen without the form is served with POST anses-habilitacion/" + digitos + "/clave-provisoria after "
                    + "checking the DNI");
        }
        if (conCuenta) {
            throw error(Response.Status.CONFLICT, "the CUIL " + digitos + " has an enabled clave: nothing to enable");
        }
        Persona persona = persona(digitos);
        ClavesPendientes pendientes = pendientes();
        ClavesPendientes.Solicitud solicitud = pendientes.porCodigo(realm, codigo.get())
                .filter(s -> s.cuil().equals(digitos) && !pendientes.vencida(s))
                .orElseThrow(() -> error(Response.Status.CONFLICT, "the USI-07 presented is not a current form of a pending clave of "
                        + digitos + ": check the code, or serve the citizen with POST anses-habilitacion/" + digitos
                        + "/clave-provisoria after checking the DNI"));
        String id = pendientes.habilitar(realm, solicitud, new ClavesPendientes.Habilitacion(nivel, persona, user -> { }))
                .orElseThrow(() -> error(Response.Status.CONFLICT, "the pending clave of " + digitos
                        + " was enabled or replaced a moment ago: look at its state again"));
        auditar(digitos, EstadoClave.PENDIENTE.name(), nivel, false);
        UserModel user = session.users().getUserById(realm, id);
        Map<String, Object> estado = new LinkedHashMap<>();
        estado.put("cuil", digitos);
        estado.put(Atributos.ESTADO_CLAVE, EstadoClave.HABILITADA.name());
        estado.put(Atributos.NIVEL, user == null ? nivel : Nivel.de(user));
        return estado;
    }

    /**
     * The citizen at the counter without a form, her DNI checked by staff: her account is created with level 3 and a
     * provisional clave (answered once, here) that she must replace at her first login (Keycloak's Update password);
     * every pending request of the CUIL, with its email and USI-07 code, is discarded. 409 when the CUIL already has an
     * account (its clave is reset from the console's Credentials tab, as temporary), is not in the padrón or is under
     * curatela (with what her curador can do).
     */
    @POST
    @Path("{cuil}/clave-provisoria")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> claveProvisoria(@PathParam("cuil") String cuil) {
        String digitos = cuil(cuil);
        Ciudadanos.alAlcance(session, realm, auth, digitos, Acceso.GESTIONAR);
        Persona persona = persona(digitos);
        boolean pendiente = !pendientes().delCuil(realm, digitos).isEmpty();
        String clave = pendientes().reemplazar(realm, digitos, tx -> ClaveProvisoria.crearCuenta(tx, persona, Nivel.PRESENCIAL, AZAR))
                .orElseThrow(() -> error(Response.Status.CONFLICT, "the CUIL " + digitos + " has a clave: reset it from the user's "
                        + "Credentials tab (Temporary on) instead"));
        auditar(digitos, pendiente ? EstadoClave.PENDIENTE.name() : SIN_CLAVE, Nivel.PRESENCIAL, true);
        Map<String, Object> respuesta = new LinkedHashMap<>();
        respuesta.put("cuil", digitos);
        respuesta.put(Atributos.ESTADO_CLAVE, EstadoClave.HABILITADA.name());
        respuesta.put(Atributos.NIVEL, Nivel.PRESENCIAL);
        respuesta.put("claveProvisoria", clave);
        return respuesta;
    }

    private void auditar(String cuil, String estadoAnterior, int nivel, boolean claveProvisoria) {
        Map<String, Object> cambio = new LinkedHashMap<>();
        cambio.put("cuil", cuil);
        cambio.put("estadoAnterior", estadoAnterior);
        cambio.put(DetallesEvento.CAMBIO_ESTADO_NUEVO, EstadoClave.HABILITADA.name());
        cambio.put(DetallesEvento.CAMBIO_NIVEL_NUEVO, nivel);
        cambio.put("claveProvisoria", claveProvisoria);
        adminEvent.operation(claveProvisoria ? OperationType.CREATE : OperationType.UPDATE)
                .resourcePath(HabilitacionAdminResourceProviderFactory.PROVIDER_ID + "/" + cuil)
                .representation(cambio).success();
    }

    /** The padrón's person of the CUIL, who may hold a clave: 409 when the padrón does not know her or has her under curatela. */
    private Persona persona(String cuil) {
        Persona persona = session.getProvider(PadronProvider.class).buscar(Cuil.leer(cuil).cuil())
                .orElseThrow(() -> error(Response.Status.CONFLICT, "the CUIL " + cuil + " is not in the padrón: its data must be "
                        + "registered first"));
        if (Curatela.impideClave(persona)) {
            throw error(Response.Status.CONFLICT, mensaje("ansesOficinaCuratela"), Curatela.ERROR);
        }
        return persona;
    }

    /** A message of the login theme in the caller's language (the realm's default: Spanish). */
    private String mensaje(String key) {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, session.getContext().resolveLocale(null))
                    .getProperty(key, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClavesPendientes pendientes() {
        return session.getProvider(ClavesPendientes.class);
    }

    private static String cuil(String typed) {
        Cuil.Lectura parsed = Cuil.leer(typed);
        if (!parsed.esValido()) {
            throw error(Response.Status.NOT_FOUND, "not a CUIL");
        }
        return parsed.cuil().digitos();
    }

    private static WebApplicationException error(Response.Status status, String mensaje) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", mensaje)).build());
    }

    /** The same with a code a program can read beside the text a clerk reads. */
    private static WebApplicationException error(Response.Status status, String mensaje, String codigo) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", mensaje, "codigo", codigo)).build());
    }
}
