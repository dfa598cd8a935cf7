package ar.gob.anses.clavess.login;

import ar.gob.anses.clavess.verificacion.LimitePorDireccionStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's alarm for distributed spraying: when the failed logins of the last hour, from every address and every
 * node, exceed a threshold, every login asks for the proof of work until they fall back to it.
 *
 * <p>Nothing on a login's path touches the database for it: a failure adds one to this node's pending count (memory),
 * and whether the alarm is on is a field. At most every {@value #REVISAR_CADA_SEGUNDOS} seconds per node, one login's
 * thread adds the node's pending failures to the realm's window in the database (the address-window table, one row
 * for the realm, under its lock) and reads the realm's total back. Which node turned the alarm on or off is decided by
 * Keycloak's single-use store ({@code putIfAbsent} / {@code remove}, atomic on every node), so each change gives one
 * event in the cluster: {@code LOGIN_ERROR} with error {@value #EVENTO_ENCENDIDA} or {@value #EVENTO_APAGADA}, the
 * total and the threshold as details. Metrics (Micrometer, the management port's /metrics):
 * {@code anses_ingreso_alarma{realm}} (1 on, 0 off, as this node last saw it), {@code anses_ingreso_fallos_ultima_hora{realm}}
 * (the realm's total at that look) and {@code anses_ingreso_fallos_total{realm}} (failed logins counted by this node).
 */
final class AlarmaFallos {

    static final String EVENTO_ENCENDIDA = "anses_alarma_encendida";
    static final String EVENTO_APAGADA = "anses_alarma_apagada";
    static final String DETALLE_FALLOS = "anses_fallos_ultima_hora";
    static final String DETALLE_UMBRAL = "anses_umbral";
    static final String METRICA = "anses.ingreso.alarma";
    static final String METRICA_FALLOS = "anses.ingreso.fallos";
    static final String METRICA_ULTIMA_HORA = "anses.ingreso.fallos.ultima.hora";
    static final long REVISAR_CADA_SEGUNDOS = 5;

    private static final Logger LOG = Logger.getLogger(AlarmaFallos.class);
    // The realm's row in the address-window table: its own use, one "address" for the whole realm.
    private static final String USO = "fallos-realm:";
    private static final String REALM = "*";
    private static final String CLAVE_ENCENDIDA = "anses-alarma-encendida:";
    // An alarm that stays on longer than this gives its event again: the entry that says it is on expires.
    private static final long VIGENCIA_SEGUNDOS = 24 * 3600;

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Estado> porRealm = new ConcurrentHashMap<>();
    private final List<Meter> metricas = new CopyOnWriteArrayList<>();

    AlarmaFallos(MeterRegistry registry) {
        this.registry = registry;
    }

    private static final class Estado {
        final AtomicLong pendientes = new AtomicLong();
        final AtomicLong fallos = new AtomicLong();
        final AtomicLong ultimaHora = new AtomicLong();
        final AtomicBoolean revisando = new AtomicBoolean();
        volatile boolean encendida;
        volatile long revisadaEn;
    }

    /** A failed login in {@code realm}: counted in memory, added to the realm's window at this node's next look. */
    void fallo(RealmModel realm) {
        Estado estado = estado(realm);
        estado.pendientes.incrementAndGet();
        estado.fallos.incrementAndGet();
    }

    /**
     * Whether the alarm is on for {@code realm}; every {@value #REVISAR_CADA_SEGUNDOS} s (of Keycloak's clock) one caller
     * of this node first looks at the database. A look that fails keeps the last answer and its pending failures.
     */
    boolean encendida(KeycloakSession session, RealmModel realm, int umbral, long ahora) {
        Estado estado = estado(realm);
        if (Math.abs(ahora - estado.revisadaEn) >= REVISAR_CADA_SEGUNDOS && estado.revisando.compareAndSet(false, true)) {
            try {
                revisar(session, realm, estado, umbral, ahora);
            } catch (RuntimeException e) {
                LOG.warnf("Realm %s: the failed-login alarm could not be looked at (%s); it stays %s", realm.getName(),
                        e.getMessage(), estado.encendida ? "on" : "off");
            } finally {
                estado.revisando.set(false);
            }
        }
        return estado.encendida;
    }

    private void revisar(KeycloakSession session, RealmModel realm, Estado estado, int umbral, long ahora) {
        long nuevos = estado.pendientes.getAndSet(0);
        long total;
        try {
            total = new LimitePorDireccionStore(session, realm, USO).sumar(REALM, ahora, nuevos);
        } catch (RuntimeException e) {
            estado.pendientes.addAndGet(nuevos);
            throw e;
        }
        estado.revisadaEn = ahora;
        estado.ultimaHora.set(total);
        boolean encender = total > umbral;
        String clave = CLAVE_ENCENDIDA + realm.getId();
        if (encender ? session.singleUseObjects().putIfAbsent(clave, VIGENCIA_SEGUNDOS) : session.singleUseObjects().remove(clave) != null) {
            LOG.warnf("Realm %s: %d failed logins in the last hour, threshold %d: the login's anti-robot alarm is %s",
                    realm.getName(), total, umbral, encender ? "ON: every login asks for the proof of work" : "off");
            new EventBuilder(realm, session).event(EventType.LOGIN_ERROR).detail(DETALLE_FALLOS, String.valueOf(total))
                    .detail(DETALLE_UMBRAL, String.valueOf(umbral)).error(encender ? EVENTO_ENCENDIDA : EVENTO_APAGADA);
        }
        estado.encendida = encender;
    }

    private Estado estado(RealmModel realm) {
        Estado estado = porRealm.get(realm.getId());
        if (estado != null) {
            return estado;
        }
        return porRealm.computeIfAbsent(realm.getId(), id -> {
            Estado nuevo = new Estado();
            metricas.add(Gauge.builder(METRICA, nuevo, e -> e.encendida ? 1 : 0).tag("realm", realm.getName())
                    .description("1 while the realm's failed logins of the last hour exceed the alarm's threshold "
                            + "(every login asks for the proof of work), as this node last looked").register(registry));
            metricas.add(FunctionCounter.builder(METRICA_FALLOS, nuevo.fallos, AtomicLong::doubleValue).tag("realm", realm.getName())
                    .description("Failed logins of the CUIL form counted by this node").register(registry));
            metricas.add(Gauge.builder(METRICA_ULTIMA_HORA, nuevo.ultimaHora, AtomicLong::doubleValue).tag("realm", realm.getName())
                    .description("The realm's failed logins in the last hour (every node's), at this node's last look: "
                            + "what the realm normally sees, to size the alarm's threshold").register(registry));
            return nuevo;
        });
    }

    void cerrar() {
        metricas.forEach(registry::remove);
        metricas.clear();
    }
}
