package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.verificacion.IntentosVerificacion;
import ar.gob.anses.clavess.verificacion.IntentosVerificacionStore;
import ar.gob.anses.clavess.verificacion.TipoIntentos;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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

    /** The verdict on a charged answer, and after a wrong one how many attempts are left before the lock. */
    record Juicio(boolean acertada, int restantes) {
    }

    /**
     * Charges this attempt, then judges it with {@code correcta}, in one commit ({@link IntentosVerificacionStore#cargar}):
     * a right answer clears the count; a wrong one is recorded. Empty, with the lock page shown, when verification was
     * locked (nothing judged) or this wrong answer locked it.
     */
    Optional<Juicio> juzgar(String paso, String motivoDelFallo, BooleanSupplier correcta) {
        long ahora = Time.currentTime();
        IntentosVerificacionStore.Cargo cargo = store.cargar(cuil, ahora, config.intentos(), config.bloqueoSegundos(), correcta);
        if (cargo.acertada()) {
            return Optional.of(new Juicio(true, config.intentos()));
        }
        if (cargo.comparable()) {
            new Eventos(context, paso).error(motivoDelFallo);
        }
        if (cargo.estado().bloqueada(ahora)) {
            new Eventos(context, paso).error("anses_verificacion_bloqueada");
            context.challenge(bloqueoPage(cargo.estado()));
            return Optional.empty();
        }
        return Optional.of(new Juicio(false, cargo.estado().restantes(config.intentos(), ahora)));
    }

    private Response bloqueoPage(IntentosVerificacion intentos) {
        long horas = Math.max(1, (intentos.bloqueadaHasta() - Time.currentTime() + 3599) / 3600);
        return Paginas.info(context, bloqueo.tituloKey(), bloqueo.mensajeKey(), horas);
    }
}
