package ar.gob.anses.clavess.legadas;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * What a deployer watches while the citizens move over, on the management port's {@code /metrics} (Micrometer) and in
 * the admin console's Server Info (the registry provider's operational info):
 * <ul>
 * <li>{@code anses_claves_legadas_migradas_total}: first logins that moved a legacy clave here (this node);</li>
 * <li>{@code anses_claves_legadas_fallos_total{causa}}: first logins that did not, by cause (this node):
 * {@code clave_incorrecta}, {@code no_disponible} (the registry did not answer), {@code sin_padron} (right clave, but
 * the padrón has no such person);</li>
 * <li>{@code anses_claves_legadas_hashes_total{tipo}}: hashes computed on the path of a CUIL without an account:
 * {@code legado} (the entry's, or the dummy's) and {@code realm} (the new clave's, or Keycloak's dummy), the same
 * number whatever the CUIL has;</li>
 * <li>{@code anses_claves_legadas_entradas}: entries in the registry (the file's; the table's estimate);</li>
 * <li>{@code anses_claves_legadas_retiradas{motivo}}: entries never asked again, every node's, from the database:
 * {@code MIGRADA}, {@code REEMPLAZADA} (a clave made here, whether or not the CUIL had an entry).</li>
 * </ul>
 * Left to migrate: at most {@code entradas - retiradas{motivo="MIGRADA"}}.
 */
public final class ProgresoMigracion {

    /** The causes of {@code anses_claves_legadas_fallos_total}. */
    public enum Causa { CLAVE_INCORRECTA, NO_DISPONIBLE, SIN_PADRON }

    static final String METRICA_MIGRADAS = "anses.claves.legadas.migradas";
    static final String METRICA_FALLOS = "anses.claves.legadas.fallos";
    static final String METRICA_HASHES = "anses.claves.legadas.hashes";
    static final String METRICA_ENTRADAS = "anses.claves.legadas.entradas";
    static final String METRICA_RETIRADAS = "anses.claves.legadas.retiradas";
    /** The database is read for the retired counts at most this often (a scrape every few seconds costs nothing). */
    static final long REFRESCO_MILLIS = 15_000;

    private static final Logger LOG = Logger.getLogger(ProgresoMigracion.class);

    static final ProgresoMigracion NODO = new ProgresoMigracion(Metrics.globalRegistry);

    // Counted here, and read by Micrometer: without metrics (--metrics-enabled=false) the global registry's meters count
    // nothing, and Server Info must still tell.
    private final AtomicLong migradas = new AtomicLong();
    private final Map<Causa, AtomicLong> fallos = new LinkedHashMap<>();
    private final AtomicLong hashesLegados = new AtomicLong();
    private final AtomicLong hashesRealm = new AtomicLong();
    private final AtomicLong entradas = new AtomicLong();
    private final ConcurrentMap<ClavesLegadasRetiradas.Motivo, AtomicLong> retiradas = new ConcurrentHashMap<>();
    private volatile KeycloakSessionFactory factory;
    private volatile long leidasEn;

    ProgresoMigracion(MeterRegistry registry) {
        FunctionCounter.builder(METRICA_MIGRADAS, migradas, AtomicLong::doubleValue)
                .description("First logins that moved a legacy clave here").register(registry);
        for (Causa causa : Causa.values()) {
            AtomicLong contador = new AtomicLong();
            fallos.put(causa, contador);
            FunctionCounter.builder(METRICA_FALLOS, contador, AtomicLong::doubleValue).tag("causa", causa.name().toLowerCase(java.util.Locale.ROOT))
                    .description("First logins of a CUIL without an account that did not move a legacy clave, by cause").register(registry);
        }
        FunctionCounter.builder(METRICA_HASHES, hashesLegados, AtomicLong::doubleValue).tag("tipo", "legado")
                .description("Hashes computed by wrong claves and first logins: legacy ones (the entry's or the dummy's)").register(registry);
        FunctionCounter.builder(METRICA_HASHES, hashesRealm, AtomicLong::doubleValue).tag("tipo", "realm")
                .description("Hashes computed by first logins: the realm's (the new clave's or Keycloak's dummy)").register(registry);
        Gauge.builder(METRICA_ENTRADAS, entradas, AtomicLong::doubleValue)
                .description("Entries of the legacy registry (the file's count, or the table's estimate)").register(registry);
        for (ClavesLegadasRetiradas.Motivo motivo : ClavesLegadasRetiradas.Motivo.values()) {
            AtomicLong valor = retiradas.computeIfAbsent(motivo, m -> new AtomicLong());
            Gauge.builder(METRICA_RETIRADAS, this, p -> p.retiradas(motivo)).tag("motivo", motivo.name())
                    .description("Legacy entries never asked again, every realm and node (from the database)").register(registry);
            valor.set(0);
        }
    }

    void conocer(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    void entradas(long cuantas) {
        entradas.set(cuantas);
    }

    void migrada() {
        migradas.incrementAndGet();
    }

    void fallo(Causa causa) {
        fallos.get(causa).incrementAndGet();
    }

    void hashLegado() {
        hashesLegados.incrementAndGet();
    }

    void hashRealm() {
        hashesRealm.incrementAndGet();
    }

    /**
     * What Server Info shows, besides the provider's own options: {@code entradas}, {@code retiradas.<MOTIVO>} (every
     * node's) and this node's {@code migradas.nodo} and {@code fallos.<causa>.nodo}.
     */
    Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("entradas", String.valueOf(entradas.get()));
        for (ClavesLegadasRetiradas.Motivo motivo : ClavesLegadasRetiradas.Motivo.values()) {
            info.put("retiradas." + motivo.name(), String.valueOf((long) retiradas(motivo)));
        }
        info.put("migradas.nodo", String.valueOf(migradas.get()));
        fallos.forEach((causa, contador) -> info.put("fallos." + causa.name().toLowerCase(java.util.Locale.ROOT) + ".nodo",
                String.valueOf(contador.get())));
        return info;
    }

    private double retiradas(ClavesLegadasRetiradas.Motivo motivo) {
        refrescar();
        return retiradas.get(motivo).get();
    }

    private void refrescar() {
        KeycloakSessionFactory sesiones = factory;
        long ahora = System.currentTimeMillis();
        if (sesiones == null || ahora - leidasEn < REFRESCO_MILLIS) {
            return;
        }
        leidasEn = ahora;
        try {
            Map<ClavesLegadasRetiradas.Motivo, Long> total = new ConcurrentHashMap<>();
            KeycloakModelUtils.runJobInTransaction(sesiones, session -> session.realms().getRealmsStream()
                    .map((RealmModel realm) -> ClavesLegadasRetiradas.porMotivo(session, realm))
                    .forEach(cuantas -> cuantas.forEach((m, n) -> total.merge(m, n, Long::sum))));
            total.forEach((m, n) -> retiradas.get(m).set(n));
        } catch (RuntimeException e) {
            LOG.debugf("Retired legacy claves could not be counted: %s", e.getMessage());
        }
    }
}
