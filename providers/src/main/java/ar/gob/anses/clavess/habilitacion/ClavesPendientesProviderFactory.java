package ar.gob.anses.clavess.habilitacion;

import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.DurationConverter;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Reads the deadline and the cap per CUIL, and schedules the deletion of expired pending claves with Keycloak's timer, through
 * {@link ClusterAwareScheduledTaskRunner}: every node schedules it, one node of the cluster runs it per interval.
 */
public final class ClavesPendientesProviderFactory implements ProviderFactory<ClavesPendientes> {

    public static final String PROVIDER_ID = "default";
    public static final String PLAZO_DIAS = "plazo-dias";
    public static final String INTERVALO = "intervalo";
    public static final String MAXIMO_POR_CUIL = "maximo-por-cuil";
    static final int MAXIMO_POR_CUIL_POR_DEFECTO = 5;
    static final String TASK_NAME = "anses-claves-pendientes-vencidas";

    private static final Logger LOG = Logger.getLogger(ClavesPendientesProviderFactory.class);

    private PlazoHabilitacion plazo = new PlazoHabilitacion(PlazoHabilitacion.DIAS_POR_DEFECTO);
    private Duration intervalo = Duration.ofHours(1);
    private int maximoPorCuil = MAXIMO_POR_CUIL_POR_DEFECTO;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        plazo = new PlazoHabilitacion(config.getInt(PLAZO_DIAS, PlazoHabilitacion.DIAS_POR_DEFECTO));
        String valor = config.get(INTERVALO);
        if (valor != null && !valor.isBlank()) {
            intervalo = DurationConverter.parseDuration(valor);
        }
        maximoPorCuil = config.getInt(MAXIMO_POR_CUIL, MAXIMO_POR_CUIL_POR_DEFECTO);
        if (maximoPorCuil < 1 || maximoPorCuil > 20) {
            throw new IllegalArgumentException("--spi-" + ClavesPendientesSpi.NAME + "--" + PROVIDER_ID + "--" + MAXIMO_POR_CUIL
                    + " must be between 1 and 20, not " + maximoPorCuil);
        }
        if (intervalo == null || intervalo.toSeconds() < 1) {
            throw new IllegalArgumentException("--spi-" + ClavesPendientesSpi.NAME + "--" + PROVIDER_ID + "--" + INTERVALO
                    + " must be a duration of at least 1s, such as 1h or 30m");
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ScheduledTask tarea = new EliminarVencidas();
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, tarea, intervalo.toMillis()), intervalo.toMillis(), TASK_NAME);
        }
        LOG.infof("Pending claves are deleted %d days after creation, at most %d open per CUIL; checked every %s",
                plazo.dias(), maximoPorCuil, intervalo);
    }

    @Override
    public ClavesPendientes create(KeycloakSession session) {
        return new ClavesPendientes(session, plazo, maximoPorCuil);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PLAZO_DIAS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Calendar days a resident abroad has to enable a pending clave before it is deleted.")
                .defaultValue(PlazoHabilitacion.DIAS_POR_DEFECTO).add()
                .property().name(INTERVALO).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How often expired pending claves are looked for and deleted (one node of the cluster does it).")
                .defaultValue("1h").add()
                .property().name(MAXIMO_POR_CUIL).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Pending claves (registrations abroad not enabled yet) a CUIL may have open at once, 1 to 20, one per "
                        + "address. Every login that is not an account's right clave costs this many hashes (dummies where a CUIL "
                        + "has fewer) on top of the account's, for every CUIL alike; past it the oldest request gives way.")
                .defaultValue(MAXIMO_POR_CUIL_POR_DEFECTO).add()
                .build();
    }

    @Override
    public void close() {
    }

    /** One run: every realm's pending claves still kept as users (an earlier version) and its expired ones. */
    private static final class EliminarVencidas implements ScheduledTask {

        @Override
        public void run(KeycloakSession session) {
            ClavesPendientes pendientes = session.getProvider(ClavesPendientes.class);
            for (RealmModel realm : session.realms().getRealmsStream().toList()) {
                session.getContext().setRealm(realm);
                int migradas = pendientes.migrarUsuarios(realm);
                if (migradas > 0) {
                    LOG.infof("Realm %s: %d pending claves kept as users became pending requests", realm.getName(), migradas);
                }
                int eliminadas = pendientes.eliminarVencidas(realm);
                if (eliminadas > 0) {
                    LOG.infof("Realm %s: %d expired pending claves deleted", realm.getName(), eliminadas);
                }
            }
        }

        @Override
        public String getTaskName() {
            return TASK_NAME;
        }
    }
}
