package ar.gob.anses.clavess.avisos;

import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.common.util.DurationConverter;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The server options of the notices' sender, {@code --spi-events-listener--anses-avisos--<name>} (variables
 * {@code KC_SPI_EVENTS_LISTENER__ANSES_AVISOS__<NAME>}), read with their defaults and bounds.
 *
 * @param enviar      whether this node sends notices; one that does not still writes them, and the others send them
 * @param intervalo   how often one node of the cluster looks for notices left unsent (a crash, an outage)
 * @param reintentos  the waits between tries while the mail server refuses or is down, and when to give up
 */
record AvisosConfig(boolean enviar, Duration intervalo, Reintentos reintentos) {

    static final String ENVIAR = "enviar";
    static final String INTERVALO = "intervalo";
    static final String REINTENTO_INICIAL = "reintento-inicial";
    static final String REINTENTO_MAXIMO = "reintento-maximo";
    static final String ABANDONAR_TRAS = "abandonar-tras";

    static final Duration INTERVALO_POR_DEFECTO = Duration.ofSeconds(30);
    static final Duration REINTENTO_INICIAL_POR_DEFECTO = Duration.ofMinutes(1);
    static final Duration REINTENTO_MAXIMO_POR_DEFECTO = Duration.ofHours(1);
    static final Duration ABANDONAR_TRAS_POR_DEFECTO = Duration.ofHours(48);

    static final AvisosConfig POR_DEFECTO = new AvisosConfig(true, INTERVALO_POR_DEFECTO,
            new Reintentos(REINTENTO_INICIAL_POR_DEFECTO, REINTENTO_MAXIMO_POR_DEFECTO, ABANDONAR_TRAS_POR_DEFECTO));

    static AvisosConfig de(Config.Scope config) {
        Duration intervalo = duracion(config, INTERVALO, INTERVALO_POR_DEFECTO, Duration.ofSeconds(1));
        Duration inicial = duracion(config, REINTENTO_INICIAL, REINTENTO_INICIAL_POR_DEFECTO, Duration.ofSeconds(1));
        Duration maximo = duracion(config, REINTENTO_MAXIMO, REINTENTO_MAXIMO_POR_DEFECTO, inicial);
        Duration abandonar = duracion(config, ABANDONAR_TRAS, ABANDONAR_TRAS_POR_DEFECTO, Duration.ZERO);
        return new AvisosConfig(config.getBoolean(ENVIAR, true), intervalo, new Reintentos(inicial, maximo, abandonar));
    }

    private static Duration duracion(Config.Scope config, String nombre, Duration porDefecto, Duration minimo) {
        String valor = config.get(nombre);
        if (valor == null || valor.isBlank()) {
            return porDefecto;
        }
        Duration d;
        try {
            d = DurationConverter.parseDuration(valor.strip());
        } catch (RuntimeException e) {
            d = null;
        }
        if (d == null || d.compareTo(minimo) < 0) {
            throw new IllegalArgumentException("--spi-events-listener--" + AvisosEventListenerProviderFactory.PROVIDER_ID + "--" + nombre
                    + " must be a duration of at least " + minimo.toSeconds() + "s, such as 30s, 5m or 48h; got " + valor);
        }
        return d;
    }

    static List<ProviderConfigProperty> propiedades() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENVIAR).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Whether this node sends notices. A node that does not still writes them with each change; "
                        + "the nodes that do send them.").defaultValue(true).add()
                .property().name(INTERVALO).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How often one node of the cluster looks for notices not sent yet (a crash, a mail outage).")
                .defaultValue(INTERVALO_POR_DEFECTO.toSeconds() + "s").add()
                .property().name(REINTENTO_INICIAL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Wait after a notice's first failed try; it doubles after each further one.")
                .defaultValue(REINTENTO_INICIAL_POR_DEFECTO.toMinutes() + "m").add()
                .property().name(REINTENTO_MAXIMO).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Longest wait between two tries of a notice.").defaultValue(REINTENTO_MAXIMO_POR_DEFECTO.toHours() + "h").add()
                .property().name(ABANDONAR_TRAS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Age after which a notice that still could not be sent is given up (logged, not sent).")
                .defaultValue(ABANDONAR_TRAS_POR_DEFECTO.toHours() + "h").add()
                .build();
    }
}
