package ar.gob.anses.clavess.avisos;

import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * {@code anses-avisos}: emails the citizen every change of their account (NIST SP 800-63B-4 §4.6). Enabled per realm
 * (Realm settings → Events → Event listeners). Each notice is written into the outbox (ANSES_AVISO) with the change and
 * sent from there ({@link EnvioAvisos}): right after the commit, and by a periodic look that Keycloak's timer runs on
 * one node of the cluster per interval ({@link ClusterAwareScheduledTaskRunner}) for what a crash or an outage left.
 * Options: {@link AvisosConfig}. Server Info shows the outbox's size and this node's counters; the same are metrics on
 * the management port ({@code anses_avisos_total}, {@code anses_avisos_en_espera}) when metrics are enabled.
 */
public final class AvisosEventListenerProviderFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "anses-avisos";
    static final String TASK_NAME = "anses-avisos-pendientes";
    static final String COUNT_TASK_NAME = "anses-avisos-en-espera";
    /** Where Keycloak 26 keeps its {@code hostname} option: the {@code hostname} SPI's {@code v2} provider. */
    static final String HOSTNAME_SPI = "hostname";
    static final String HOSTNAME_PROVIDER = "v2";
    static final String HOSTNAME = "hostname";

    private static final Logger LOG = Logger.getLogger(AvisosEventListenerProviderFactory.class);

    private final EnvioAvisos envio = new EnvioAvisos();
    private KeycloakSessionFactory factory;
    /** Keycloak's {@code hostname} option, read where its hostname provider reads it; null when not set. */
    private String hostname;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AvisosEventListenerProvider(session, envio, hostname);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        long enEspera;
        try {
            enEspera = factory == null ? -1 : envio.contarEnEspera(factory);
        } catch (RuntimeException e) {
            enEspera = -1; // no database right now: Server Info still answers
        }
        return envio.contadores(enEspera);
    }

    @Override
    public void init(Config.Scope config) {
        envio.configurar(AvisosConfig.de(config));
        String configurado = Config.scope(HOSTNAME_SPI, HOSTNAME_PROVIDER).get(HOSTNAME);
        hostname = configurado == null || configurado.isBlank() ? null : configurado.strip();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.factory = factory;
        AvisosConfig config = envio.config();
        long intervalo = config.intervalo().toMillis();
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            // Every node: the outbox's size for this node's gauge.
            timer.scheduleTask(new ContarEnEspera(), intervalo, COUNT_TASK_NAME);
            if (config.enviar()) {
                timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new RevisarPendientes(), intervalo), intervalo, TASK_NAME);
            }
        }
        envio.registrarMetricas(Metrics.globalRegistry);
        var r = config.reintentos();
        LOG.infof("Notices: %s; unsent ones looked for every %s; retried after %s doubling up to %s, given up after %s; "
                        + "links from %s", config.enviar() ? "sent by this node" : "written by this node, sent by others",
                config.intervalo(), r.inicial(), r.maximo(), r.abandonarTras(),
                hostname == null ? "each realm's Frontend URL only (no hostname option)" : "hostname " + hostname);
        if (!Profile.isFeatureEnabled(Profile.Feature.UPDATE_EMAIL)) {
            // Without it the user profile lets Mi cuenta write the address at once, unconfirmed and untold.
            LOG.warn("Feature update-email is disabled: citizens can change their email address in Mi cuenta without "
                    + "confirming it, and the address in use is not told (see docs/seguridad.md)");
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AvisosConfig.propiedades();
    }

    @Override
    public void close() {
        envio.quitarMetricas(Metrics.globalRegistry);
        envio.cerrar();
    }

    /** One node per interval: hands the look for due notices to the sender thread (the timer's thread is Keycloak's). */
    private final class RevisarPendientes implements ScheduledTask {

        @Override
        public void run(KeycloakSession session) {
            envio.revisarLuego(session.getKeycloakSessionFactory());
            PeriodoAvisoBloqueo.borrarVencidos(session, Time.currentTimeMillis());
        }

        @Override
        public String getTaskName() {
            return TASK_NAME;
        }
    }

    private final class ContarEnEspera implements ScheduledTask {

        @Override
        public void run(KeycloakSession session) {
            envio.contarEnEspera(session);
        }

        @Override
        public String getTaskName() {
            return COUNT_TASK_NAME;
        }
    }
}
