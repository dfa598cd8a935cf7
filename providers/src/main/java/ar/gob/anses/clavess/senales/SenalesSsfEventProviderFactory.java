package ar.gob.anses.clavess.senales;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.ssf.event.SsfEvent;
import org.keycloak.ssf.event.SsfEventProviderFactory;
import org.keycloak.ssf.transmitter.SsfTransmitterConfig;

/**
 * Adds CAEP's {@code assurance-level-change} to the event types of Keycloak's Shared Signals transmitter: a receiver
 * can ask for it in its stream's {@code events_requested}, and it is among the {@code events_supported} by default.
 * Keycloak merges every factory of this SPI into one registry; this one is only there when the {@code ssf} feature is.
 * At start it warns when Keycloak's subject management is on: then any receiving app with {@code ssf.manage} can add
 * any citizen as its subject, by email or id, and hear of her; the deployment shapes turn it off
 * ({@code --spi-ssf-transmitter--default--subject-management-enabled=false}, docs/despliegue.md).
 */
public final class SenalesSsfEventProviderFactory implements SsfEventProviderFactory, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "anses-senales";
    private static final Logger LOG = Logger.getLogger(SenalesSsfEventProviderFactory.class);

    @Override
    public Map<String, Supplier<? extends SsfEvent>> getContributedEventFactories() {
        return Map.of(CambioDeNivelCaep.TYPE, CambioDeNivelCaep::new);
    }

    @Override
    public Set<String> getEmittableEventTypes() {
        return Set.of(CambioDeNivelCaep.TYPE);
    }

    /** Sent by our own listener ({@link SenalesEventListenerFactory}) from the account's changes, not only on demand. */
    @Override
    public Set<String> getNativelyEmittedEventTypes() {
        return Set.of(CambioDeNivelCaep.TYPE);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // Keycloak's transmitter (SPI ssf-transmitter, provider default) reads its option from this scope.
        if (Config.scope("ssf-transmitter", "default").getBoolean(SsfTransmitterConfig.CONFIG_SUBJECT_MANAGEMENT_ENABLED,
                SsfTransmitterConfig.DEFAULT_SUBJECT_MANAGEMENT_ENABLED)) {
            LOG.warnf("Shared Signals subject management is on: any receiving app can subscribe any citizen by email or id "
                    + "and hear of her. Start Keycloak with --spi-ssf-transmitter--default--%s=false so that an app hears only "
                    + "of the citizens who logged in to it", SsfTransmitterConfig.CONFIG_SUBJECT_MANAGEMENT_ENABLED);
        }
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.SSF);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }
}
