package ar.gob.anses.clavess.actividad;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Global, so every realm records its office actions for the activity page without configuration ({@link RegistroOficina});
 * and, on one node of the cluster per hour, deletes the rows older than the page's {@value Actividad#DIAS} days by the
 * table's time index (the realm export expires Keycloak's own admin events after the same 90 days).
 */
public final class RegistroOficinaFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "anses-actividad-oficina";
    static final String TASK_NAME = "anses-actividad-oficina-vencida";
    private static final long INTERVALO_MS = 3_600_000L;
    private static final Logger LOG = Logger.getLogger(RegistroOficinaFactory.class);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RegistroOficina(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, new BorrarVencidas(), INTERVALO_MS), INTERVALO_MS, TASK_NAME);
        }
    }

    @Override
    public void close() {
    }

    private static final class BorrarVencidas implements ScheduledTask {

        @Override
        public void run(KeycloakSession session) {
            int borradas = new ActividadOficinaStore(session).borrarVencidas(Time.currentTimeMillis() - Actividad.DIAS * 86_400_000L);
            if (borradas > 0) {
                LOG.debugf("%d office actions older than %d days deleted from the activity page's table", borradas, Actividad.DIAS);
            }
        }

        @Override
        public String getTaskName() {
            return TASK_NAME;
        }
    }
}
