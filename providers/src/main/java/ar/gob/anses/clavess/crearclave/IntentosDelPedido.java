package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.verificacion.IntentosHabilitacion;
import ar.gob.anses.clavess.verificacion.IntentosVerificacion;
import ar.gob.anses.clavess.verificacion.IntentosVerificacionStore;
import ar.gob.anses.clavess.verificacion.TipoIntentos;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;

/**
 * The verification attempts as one request sees them: Crear clave's, counted per CUIL, or a pending clave's online
 * enablement, counted per request with a ceiling per CUIL ({@link IntentosHabilitacion}); both in ANSES_VERIFICACION,
 * with the step's limits and the lock page. An attempt is charged before its answer is compared
 * ({@link IntentosVerificacionStore#cargar}); an answer arriving while verification is locked is never compared.
 */
final class IntentosDelPedido {

    /** Where the attempts are counted. */
    interface Contador {
        IntentosVerificacion get(long ahora);

        IntentosVerificacionStore.Cargo cargar(long ahora, BooleanSupplier correcta);
    }

    private final AuthenticationFlowContext context;
    private final Contador contador;
    private final VerificacionConfig config;
    private final Bloqueo bloqueo;

    /** The page shown while locked: its title and its text, which takes the hours left. */
    record Bloqueo(String tituloKey, String mensajeKey) {
    }

    static final Bloqueo BLOQUEO_VERIFICACION = new Bloqueo("ansesVerificacionBloqueadaTitulo", "ansesVerificacionBloqueada");
    static final Bloqueo BLOQUEO_HABILITACION = new Bloqueo("ansesHabilitacionBloqueadaTitulo", "ansesHabilitacionBloqueada");

    /** Crear clave's verification attempts of a CUIL. */
    IntentosDelPedido(AuthenticationFlowContext context, String cuil) {
        this(context, contadorDelCuil(new IntentosVerificacionStore(context.getSession(), context.getRealm()), cuil,
                new VerificacionConfig(context.getAuthenticatorConfig())), new VerificacionConfig(context.getAuthenticatorConfig()),
                BLOQUEO_VERIFICACION);
    }

    private IntentosDelPedido(AuthenticationFlowContext context, Contador contador, VerificacionConfig config, Bloqueo bloqueo) {
        this.context = context;
        this.contador = contador;
        this.config = config;
        this.bloqueo = bloqueo;
    }

    /** The online enablement attempts of one pending request: its own, under its CUIL's ceiling. */
    static IntentosDelPedido deLaSolicitud(AuthenticationFlowContext context, ClavesPendientes.Solicitud solicitud, long venceMillis) {
        VerificacionConfig config = new VerificacionConfig(context.getAuthenticatorConfig(), VerificacionConfig.HABILITACION);
        IntentosHabilitacion reglas = new IntentosHabilitacion(config.intentos(), config.intentosPorCuil(), config.bloqueoSegundos());
        IntentosVerificacionStore store = new IntentosVerificacionStore(context.getSession(), context.getRealm(), TipoIntentos.HABILITACION);
        long vence = venceMillis / 1000;
        return new IntentosDelPedido(context, new Contador() {
            @Override
            public IntentosVerificacion get(long ahora) {
                return store.deLaSolicitud(solicitud.cuil(), solicitud.id(), vence, ahora, reglas);
            }

            @Override
            public IntentosVerificacionStore.Cargo cargar(long ahora, BooleanSupplier correcta) {
                return store.cargar(solicitud.cuil(), solicitud.id(), vence, ahora, reglas, correcta);
            }
        }, config, BLOQUEO_HABILITACION);
    }

    private static Contador contadorDelCuil(IntentosVerificacionStore store, String cuil, VerificacionConfig config) {
        return new Contador() {
            @Override
            public IntentosVerificacion get(long ahora) {
                return store.get(cuil);
            }

            @Override
            public IntentosVerificacionStore.Cargo cargar(long ahora, BooleanSupplier correcta) {
                return store.cargar(cuil, ahora, config.intentos(), config.bloqueoSegundos(), correcta);
            }
        };
    }

    /** True, with the lock page shown, when verification is locked now. */
    boolean bloqueada() {
        IntentosVerificacion intentos = contador.get(Time.currentTime());
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
    Optional<Juicio> juzgar(DetallesEvento.Paso paso, String motivoDelFallo, BooleanSupplier correcta) {
        long ahora = Time.currentTime();
        IntentosVerificacionStore.Cargo cargo = contador.cargar(ahora, correcta);
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
