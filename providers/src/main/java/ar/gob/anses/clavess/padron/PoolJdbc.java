package ar.gob.anses.clavess.padron;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * A read-only Agroal pool on a registry of the agency in PostgreSQL (the padrón, the legacy claves): Keycloak's own
 * pool, whose jars are in the distribution's {@code lib/lib/main} next to the PostgreSQL driver, so nothing is shipped
 * with the provider. One timeout bounds waiting for a free connection, connecting and validating.
 */
public final class PoolJdbc {

    /** A connection idle this long is checked before it is lent again. */
    static final Duration VALIDAR_TRAS_OCIO = Duration.ofSeconds(30);
    /** Connections are replaced after this long, so a failover or a DNS change is picked up. */
    static final Duration VIDA_MAXIMA = Duration.ofMinutes(30);
    /** An idle connection is closed after this long (the pool opens connections again on need). */
    static final Duration CIERRE_OCIOSAS = Duration.ofMinutes(10);
    /** A lookup holds its connection for milliseconds: one held this long is logged by Agroal as a leak. */
    static final Duration FUGA = Duration.ofMinutes(1);

    /** The SPI options every registry in PostgreSQL takes ({@code --spi-<spi>--jdbc--<option>}). */
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String POOL_SIZE = "poolSize";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";
    public static final int DEFAULT_POOL_SIZE = 8;

    private PoolJdbc() {
    }

    /** A registry's connection options, as its factory read them. */
    public record Opciones(String url, String usuario, String clave, int tamano, Duration timeout) {

        /** Empty without a URL: Keycloak initialises every provider of an SPI, and an unconfigured one stays idle. */
        public static Optional<Opciones> leer(Config.Scope config, int timeoutPorDefecto) {
            String url = config.get(URL);
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Opciones(url, config.get(USER), config.get(PASSWORD), config.getInt(POOL_SIZE, DEFAULT_POOL_SIZE),
                    Duration.ofSeconds(config.getInt(TIMEOUT_SECONDS, timeoutPorDefecto))));
        }

        /** The pool these options describe. */
        public AgroalDataSource pool(String nombre) {
            return crear(url, usuario, clave, tamano, timeout, nombre);
        }
    }

    /** The console's description of {@link Opciones}: the URL's example and help, what the user needs, the timeout's help. */
    public static List<ProviderConfigProperty> propiedades(String ayudaUrl, String ayudaUsuario, String ayudaTimeout, int timeoutPorDefecto) {
        return ProviderConfigurationBuilder.create()
                .property().name(URL).type(ProviderConfigProperty.STRING_TYPE).label("JDBC URL").helpText(ayudaUrl).add()
                .property().name(USER).type(ProviderConfigProperty.STRING_TYPE).label("User").helpText(ayudaUsuario).add()
                .property().name(PASSWORD).type(ProviderConfigProperty.PASSWORD).label("Password")
                .helpText("Database password.").secret(true).add()
                .property().name(POOL_SIZE).type(ProviderConfigProperty.INTEGER_TYPE).label("Pool size")
                .helpText("Connections kept open at most.").defaultValue(DEFAULT_POOL_SIZE).add()
                .property().name(TIMEOUT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE).label("Timeout (seconds)")
                .helpText(ayudaTimeout).defaultValue(timeoutPorDefecto).add()
                .build();
    }

    /**
     * @param url      a PostgreSQL JDBC URL ({@code currentSchema=} picks the schema)
     * @param nombre   the connections' {@code ApplicationName}, as the database's own views show them
     */
    public static AgroalDataSource crear(String url, String usuario, String clave, int tamano, Duration timeout, String nombre) {
        if (tamano < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + tamano);
        }
        int segundos = segundos(timeout);
        AgroalConnectionFactoryConfigurationSupplier conexiones = new AgroalConnectionFactoryConfigurationSupplier()
                .connectionProviderClass(org.postgresql.Driver.class) // the one in Keycloak's distribution
                .jdbcUrl(url)
                .readOnly(true)
                .loginTimeout(timeout)
                .jdbcProperty("connectTimeout", String.valueOf(segundos))
                .jdbcProperty("ApplicationName", nombre);
        if (usuario != null) {
            conexiones.principal(new NamePrincipal(usuario));
        }
        if (clave != null) {
            conexiones.credential(new SimplePassword(clave));
        }
        AgroalConnectionPoolConfigurationSupplier conjunto = new AgroalConnectionPoolConfigurationSupplier()
                .connectionFactoryConfiguration(conexiones)
                .maxSize(tamano)
                .acquisitionTimeout(timeout)
                .idleValidationTimeout(VALIDAR_TRAS_OCIO)
                .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(segundos))
                .exceptionSorter(new PostgreSQLExceptionSorter()) // SQLState 08…: the connection is closed, not lent again
                .maxLifetime(VIDA_MAXIMA)
                .reapTimeout(CIERRE_OCIOSAS)
                .leakTimeout(FUGA);
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(conjunto)
                .metricsEnabled(true); // Server Info's open connections
        try {
            return AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the connection pool of " + nombre + ": " + e.getMessage(), e);
        }
    }

    /** The timeout in whole seconds, at least 1: what JDBC's query timeout takes. */
    public static int segundos(Duration timeout) {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /** The URL without its query, where a password may have been put: what logs and Server Info show. */
    public static String sinCredenciales(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Connections open now, lent or idle (Agroal's metrics). */
    public static long abiertas(AgroalDataSource pool) {
        return pool.getMetrics().activeCount() + pool.getMetrics().availableCount();
    }
}
