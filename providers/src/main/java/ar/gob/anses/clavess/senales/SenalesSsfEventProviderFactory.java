package ar.gob.anses.clavess.senales;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.ssf.event.SsfEvent;
import org.keycloak.ssf.event.SsfEventProviderFactory;

/**
 * Adds CAEP's {@code assurance-level-change} to the event types of Keycloak's Shared Signals transmitter: a receiver
 * can ask for it in its stream's {@code events_requested}, and it is among the {@code events_supported} by default.
 * Keycloak merges every factory of this SPI into one registry; this one is only there when the {@code ssf} feature is.
 */
public final class SenalesSsfEventProviderFactory implements SsfEventProviderFactory, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "anses-senales";

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
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.SSF);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }
}
