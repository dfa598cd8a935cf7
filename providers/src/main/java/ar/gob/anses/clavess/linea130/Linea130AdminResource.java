package ar.gob.anses.clavess.linea130;

import ar.gob.anses.clavess.admin.Ciudadanos;
import ar.gob.anses.clavess.crearclave.VerificacionConfig;
import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.habilitacion.ClaveProvisoria;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.linea130.Linea130.Resultado;
import ar.gob.anses.clavess.oficina.Oficina;
import ar.gob.anses.clavess.padron.Curatela;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.GeneradorPreguntas;
import ar.gob.anses.clavess.verificacion.IntentosVerificacion;
import ar.gob.anses.clavess.verificacion.IntentosVerificacionStore;
import ar.gob.anses.clavess.verificacion.LimitePorDireccionStore;
import ar.gob.anses.clavess.verificacion.Pregunta;
import ar.gob.anses.clavess.verificacion.SecretoDelRealm;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.theme.Theme;

/**
 * {@code /admin/realms/{realm}/anses-linea-130}: a clave by phone (seed 002: Línea de Atención Telefónica 130), for
 * operators with the role {@value Linea130#ROL} and nobody else.
 * <ul>
 * <li>{@code POST {cuil}}: the caller's CUIL. Not in the padrón, or verification locked: the answer says so (as Crear
 * clave's pages would). Otherwise a set of Crear clave's questions ({@link GeneradorPreguntas}, the same options as
 * the web's) with their options as the citizen reads them, "No sé / Ninguna de esas" last; which one is right stays
 * here, with the call ({@link Llamada}).</li>
 * <li>{@code POST {cuil}/respuestas} {@code {"llamada": …, "respuestas": [i, …]}}: the attempt is charged to the CUIL's
 * Crear clave counter before it is judged ({@link IntentosVerificacionStore#cargar}: 3 across phone and web, then the
 * same lock). Right: curatela and accounts served only at an office are told; then the operator's budget is charged
 * ({@link LimitePorDireccionStore}, per operator and hour); then, to a confirmed email, a single-use link to choose her
 * clave ({@link EnlaceClave}); otherwise a provisional clave the operator reads out, level 2, replaced at her first
 * login.</li>
 * </ul>
 * Every answer is an admin event {@value Linea130#RECURSO} at {@code anses-linea-130/<cuil>} with its {@code resultado}
 * (whose operator: the event's auth details); a clave given is told to the citizen (the notices, and Actividad).
 */
public final class Linea130AdminResource {

    private static final SecureRandom AZAR = new SecureRandom();
    private static final String USO_PRESUPUESTO = "linea130:";
    private static final String CLAVE_LLAMADA = "anses-linea-130:";
    private static final int LLAMADA_SEGUNDOS = 15 * 60;
    private static final String GRUPO_PERSONAL = "/anses-personal";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    Linea130AdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(Linea130.RECURSO);
    }

    /** A call starts: the questions to read to the caller, or what to tell her instead. */
    @POST
    @Path("{cuil}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> llamada(@PathParam("cuil") String cuil) {
        UserModel operador = operador();
        String digitos = delLlamante(cuil, operador);
        Optional<Persona> persona = session.getProvider(PadronProvider.class).buscar(Cuil.leer(digitos).cuil());
        if (persona.isEmpty()) {
            return auditar(digitos, respuesta(digitos, Resultado.NO_PADRON));
        }
        VerificacionConfig config = VerificacionConfig.deCrearClave(realm);
        IntentosVerificacion intentos = intentos().get(digitos);
        if (intentos.bloqueada(Time.currentTime())) {
            return auditar(digitos, bloqueada(digitos, intentos));
        }
        List<Pregunta> preguntas = new GeneradorPreguntas(SecretoDelRealm.de(session, realm),
                session.getProvider(PadronProvider.class).empleadores(), AZAR).intento(persona.get(), config.preguntas(), Set.of());
        String id = KeycloakModelUtils.generateId();
        session.singleUseObjects().put(CLAVE_LLAMADA + id, LLAMADA_SEGUNDOS, new Llamada(digitos, operador.getId(), preguntas).notas());
        Map<String, Object> respuesta = new LinkedHashMap<>();
        respuesta.put("cuil", digitos);
        respuesta.put("llamada", id);
        respuesta.put("preguntas", comoLasLee(preguntas));
        return respuesta;
    }

    /** The caller's answers to the call's set: judged once, charged first; what to tell her. */
    @POST
    @Path("{cuil}/respuestas")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> respuestas(@PathParam("cuil") String cuil, Map<String, Object> body) {
        UserModel operador = operador();
        String digitos = delLlamante(cuil, operador);
        String id = body == null ? "" : String.valueOf(body.get("llamada"));
        int[] elegidas = elegidas(body == null ? null : body.get("respuestas"));
        Optional<Llamada> llamada = Llamada.de(session.singleUseObjects().get(CLAVE_LLAMADA + id))
                .filter(l -> l.cuil().equals(digitos) && l.operador().equals(operador.getId()) && l.completas(elegidas));
        if (llamada.isEmpty() || session.singleUseObjects().remove(CLAVE_LLAMADA + id) == null) {
            return auditar(digitos, respuesta(digitos, Resultado.VENCIDA));
        }
        VerificacionConfig config = VerificacionConfig.deCrearClave(realm);
        long ahora = Time.currentTime();
        IntentosVerificacionStore.Cargo cargo = intentos().cargar(digitos, ahora, config.intentos(), config.bloqueoSegundos(),
                () -> Pregunta.aciertan(llamada.get().preguntas(), elegidas));
        if (!cargo.acertada()) {
            if (cargo.estado().bloqueada(ahora)) {
                return auditar(digitos, bloqueada(digitos, cargo.estado()));
            }
            Map<String, Object> incorrecta = respuesta(digitos, Resultado.INCORRECTA);
            incorrecta.put("restantes", cargo.estado().restantes(config.intentos(), ahora));
            return auditar(digitos, incorrecta);
        }
        return auditar(digitos, verificada(digitos, operador, config, ahora));
    }

    /** Identity proven by phone: what can be given, and giving it. */
    private Map<String, Object> verificada(String cuil, UserModel operador, VerificacionConfig config, long ahora) {
        Optional<Persona> persona = session.getProvider(PadronProvider.class).buscar(Cuil.leer(cuil).cuil());
        if (persona.isEmpty() || Curatela.impideClave(persona.get())) {
            return respuesta(cuil, persona.isEmpty() ? Resultado.NO_PADRON : Resultado.CURATELA);
        }
        UserModel user = session.users().getUserByUsername(realm, cuil);
        if (user != null && (!user.isEnabled() || esPersonal(user))) {
            return respuesta(cuil, Resultado.OFICINA);
        }
        if (!new LimitePorDireccionStore(session, realm, USO_PRESUPUESTO).cobrar(operador.getId(), ahora, config.clavesPorHoraLinea130()).admitido()) {
            return respuesta(cuil, Resultado.LIMITE);
        }
        if (user != null && user.getEmail() != null && user.isEmailVerified()) {
            user.setSingleAttribute(Atributos.NIVEL, String.valueOf(Nivel.ONLINE));
            EnlaceClave.enviar(session, realm, user);
            return respuesta(cuil, Resultado.CORREO);
        }
        String clave;
        if (user != null) {
            user.setSingleAttribute(Atributos.NIVEL, String.valueOf(Nivel.ONLINE));
            clave = ClaveProvisoria.dar(user, AZAR);
        } else {
            Optional<String> nueva = session.getProvider(ClavesPendientes.class).reemplazar(realm, cuil,
                    tx -> ClaveProvisoria.crearCuenta(tx, persona.get(), Nivel.ONLINE, AZAR));
            if (nueva.isEmpty()) {
                return respuesta(cuil, Resultado.VENCIDA); // an account was made for the CUIL meanwhile
            }
            clave = nueva.get();
        }
        Map<String, Object> respuesta = respuesta(cuil, Resultado.CLAVE_PROVISORIA);
        respuesta.put("claveProvisoria", clave);
        return respuesta;
    }

    /** The operator: the bearer, with the role; 403 for anyone else (office staff and realm admins included). */
    private UserModel operador() {
        UserModel operador = auth.adminAuth().getUser();
        RoleModel rol = realm.getRole(Linea130.ROL);
        if (operador == null || rol == null || !operador.hasRole(rol)) {
            throw new ForbiddenException();
        }
        return operador;
    }

    /** The caller's CUIL in digits (404 when not a CUIL); the operator's own is refused (403), as at an office. */
    private static String delLlamante(String cuil, UserModel operador) {
        String digitos = Ciudadanos.cuil(cuil);
        if (digitos.equals(operador.getUsername())) {
            throw new ForbiddenException();
        }
        return digitos;
    }

    /** Staff (group anses-personal, or a role of ours) are never served by phone: at an office, by another person. */
    private boolean esPersonal(UserModel user) {
        var grupo = KeycloakModelUtils.findGroupByPath(session, realm, GRUPO_PERSONAL);
        return (grupo != null && user.isMemberOf(grupo)) || user.getRealmRoleMappingsStream()
                .anyMatch(r -> Linea130.ROL.equals(r.getName()) || Oficina.ROL.equals(r.getName()));
    }

    private IntentosVerificacionStore intentos() {
        return new IntentosVerificacionStore(session, realm);
    }

    private static int[] elegidas(Object respuestas) {
        if (!(respuestas instanceof List<?> lista)) {
            return null;
        }
        int[] elegidas = new int[lista.size()];
        for (int i = 0; i < elegidas.length; i++) {
            elegidas[i] = lista.get(i) instanceof Number n ? n.intValue() : -1;
        }
        return elegidas;
    }

    private static Map<String, Object> respuesta(String cuil, Resultado resultado) {
        Map<String, Object> respuesta = new LinkedHashMap<>();
        respuesta.put("cuil", cuil);
        respuesta.put("resultado", resultado.name());
        return respuesta;
    }

    private static Map<String, Object> bloqueada(String cuil, IntentosVerificacion intentos) {
        Map<String, Object> respuesta = respuesta(cuil, Resultado.BLOQUEADA);
        respuesta.put("horas", Math.max(1, (intentos.bloqueadaHasta() - Time.currentTime() + 3599) / 3600));
        return respuesta;
    }

    /** Each question as the citizen reads it on the web: its text, its options, "No sé / Ninguna de esas" last. */
    private List<Map<String, Object>> comoLasLee(List<Pregunta> preguntas) {
        Properties mensajes = mensajes();
        List<Map<String, Object>> leidas = new ArrayList<>();
        for (Pregunta p : preguntas) {
            List<String> opciones = new ArrayList<>(p.opciones());
            opciones.add(mensajes.getProperty("ansesNingunaDeEsas", "No sé / Ninguna de esas"));
            leidas.add(Map.of("texto", mensajes.getProperty(p.tipo().messageKey(), p.tipo().messageKey()), "opciones", opciones));
        }
        return leidas;
    }

    private Properties mensajes() {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, session.getContext().resolveLocale(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as an admin event of the call (whose operator: its auth details); a clave given is its own operation. */
    private Map<String, Object> auditar(String cuil, Map<String, Object> respuesta) {
        Map<String, Object> representacion = new LinkedHashMap<>();
        representacion.put("cuil", cuil);
        representacion.put("resultado", respuesta.get("resultado"));
        boolean dada = Resultado.CORREO.name().equals(respuesta.get("resultado"))
                || Resultado.CLAVE_PROVISORIA.name().equals(respuesta.get("resultado"));
        adminEvent.operation(dada ? OperationType.UPDATE : OperationType.ACTION)
                .resourcePath(Linea130AdminResourceProviderFactory.PROVIDER_ID + "/" + cuil).representation(representacion).success();
        return respuesta;
    }
}
