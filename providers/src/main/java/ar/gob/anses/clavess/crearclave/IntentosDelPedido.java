package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.verificacion.IntentosVerificacion;
import ar.gob.anses.clavess.verificacion.IntentosVerificacionStore;
import ar.gob.anses.clavess.verificacion.TipoIntentos;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;

/**
 * The verification attempts of one CUIL as one request sees them: the store (ANSES_VERIFICACION) built once,
 * the step's limits, and the lock page. An attempt is charged before its answer is compared
 * ({@link IntentosVerificacionStore#cargar}); an answer arriving while verification is locked is never compared.
 */
final class IntentosDelPedido {

    private final AuthenticationFlowContext context;
    private final String cuil;
    private final IntentosVerificacionStore store;
    private final VerificacionConfig config;
    private final Bloqueo bloqueo;

    /** The page shown while locked: its title and its text, which takes the hours left. */
    record Bloqueo(String tituloKey, String mensajeKey) {
    }

    static final Bloqueo BLOQUEO_VERIFICACION = new Bloqueo("ansesVerificacionBloqueadaTitulo", "ansesVerificacionBloqueada");
    static final Bloqueo BLOQUEO_HABILITACION = new Bloqueo("ansesHabilitacionBloqueadaTitulo", "ansesHabilitacionBloqueada");

    /** Crear clave's verification attempts. */
    IntentosDelPedido(AuthenticationFlowContext context, String cuil) {
        this(context, cuil, TipoIntentos.VERIFICACION, new VerificacionConfig(context.getAuthenticatorConfig()), BLOQUEO_VERIFICACION);
    }

    IntentosDelPedido(AuthenticationFlowContext context, String cuil, TipoIntentos tipo, VerificacionConfig config, Bloqueo bloqueo) {
        this.context = context;
        this.cuil = cuil;
        this.store = new IntentosVerificacionStore(context.getSession(), context.getRealm(), tipo);
        this.config = config;
        this.bloqueo = bloqueo;
    }

    /** True, with the lock page shown, when verification of this CUIL is locked now. */
    boolean bloqueada() {
        IntentosVerificacion intentos = store.get(cuil);
        if (!intentos.bloqueada(Time.currentTime())) {
            return false;
        }
        context.challenge(bloqueoPage(intentos));
        return true;
    }

    /**
     * Charges this attempt before its answer is looked at. Empty, with the lock page shown, when verification
     * is locked: the answer is then never compared.
     */
    Optional<IntentosVerificacion> cargar(String paso) {
        IntentosVerificacionStore.Cargo cargo = store.cargar(cuil, Time.currentTime(), config.intentos(), config.bloqueoSegundos());
        if (!cargo.comparable()) {
            new Eventos(context, paso).error("anses_verificacion_bloqueada");
            context.challenge(bloqueoPage(cargo.estado()));
            return Optional.empty();
        }
        return Optional.of(cargo.estado());
    }

    /** A wrong answer, already charged: records it; false, with the lock page shown, when it locked verification. */
    boolean fallo(IntentosVerificacion cargado, String motivo, String paso) {
        new Eventos(context, paso).error(motivo);
        if (cargado.bloqueada(Time.currentTime())) {
            new Eventos(context, paso).error("anses_verificacion_bloqueada");
            context.challenge(bloqueoPage(cargado));
            return false;
        }
        return true;
    }

    /** The charged answer was right: clears what its own charge set (see {@link IntentosVerificacion#conAcierto}). */
    void acierto(IntentosVerificacion cargado) {
        store.acierto(cuil, cargado, Time.currentTime());
    }

    int restantes(IntentosVerificacion cargado) {
        return cargado.restantes(config.intentos(), Time.currentTime());
    }

    private Response bloqueoPage(IntentosVerificacion intentos) {
        long horas = Math.max(1, (intentos.bloqueadaHasta() - Time.currentTime() + 3599) / 3600);
        return Paginas.info(context, bloqueo.tituloKey(), bloqueo.mensajeKey(), horas);
    }
}
