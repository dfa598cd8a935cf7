package ar.gob.anses.clavess.padron;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The registry in PostgreSQL (tables in {@code schema.sql}), for registries too large to hold in memory.
 * Chosen with {@code --spi-anses-padron--provider=jdbc}; configured with {@code --spi-anses-padron--jdbc--url}
 * and the options of {@link #getConfigMetadata()}.
 */
public final class JdbcPadronProviderFactory implements PadronProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "jdbc";
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String POOL_SIZE = "poolSize";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";

    static final int DEFAULT_POOL_SIZE = 8;
    static final int DEFAULT_TIMEOUT_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(JdbcPadronProviderFactory.class);

    private String url;
    private JdbcPadron padron;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        url = config.get(URL);
        if (url == null || url.isBlank()) {
            // Keycloak initialises every provider of the SPI when none is chosen: without a URL this one stays idle.
            LOG.debugf("No --spi-%s--%s--%s: the jdbc padrón is not configured", PadronSpi.NAME, PROVIDER_ID, URL);
            return;
        }
        int poolSize = config.getInt(POOL_SIZE, DEFAULT_POOL_SIZE);
        int timeout = config.getInt(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS);
        padron = new JdbcPadron(url, config.get(USER), config.get(PASSWORD), poolSize, Duration.ofSeconds(timeout));
        LOG.infof("Padrón in %s: pool of %d connections, timeout %d s", sinCredenciales(url), poolSize, timeout);
    }

    @Override
    public PadronProvider create(KeycloakSession session) {
        JdbcPadron registro = padron;
        if (registro == null) {
            throw new IllegalStateException("The jdbc padrón needs --spi-" + PadronSpi.NAME + "--" + PROVIDER_ID + "--" + URL);
        }
        // One per Keycloak session: a request that asks for the same CUIL several times reads it once.
        return new PadronDeLaSesion(registro::buscar, registro::curados, registro::empleadores);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        if (padron != null) {
            padron.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(URL).type(ProviderConfigProperty.STRING_TYPE).label("JDBC URL")
                .helpText("PostgreSQL JDBC URL of the registry, e.g. jdbc:postgresql://db:5432/padron?currentSchema=padron "
                        + "(tables in schema.sql, see docs/padron.md).").add()
                .property().name(USER).type(ProviderConfigProperty.STRING_TYPE).label("User")
                .helpText("Database user; read access to the padron_* tables is enough.").add()
                .property().name(PASSWORD).type(ProviderConfigProperty.PASSWORD).label("Password")
                .helpText("Database password.").secret(true).add()
                .property().name(POOL_SIZE).type(ProviderConfigProperty.INTEGER_TYPE).label("Pool size")
                .helpText("Connections kept open at most.").defaultValue(DEFAULT_POOL_SIZE).add()
                .property().name(TIMEOUT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE).label("Timeout (seconds)")
                .helpText("Longest wait for a free connection, for connecting and for one query.").defaultValue(DEFAULT_TIMEOUT_SECONDS).add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("url", url == null ? "(none)" : sinCredenciales(url));
        if (padron != null) {
            info.put("poolSize", String.valueOf(padron.tamanoPool()));
            info.put("openConnections", String.valueOf(padron.conexionesAbiertas()));
        }
        return info;
    }

    /** The URL without its query, where a password may have been put. */
    static String sinCredenciales(String url) {
        return PoolJdbc.sinCredenciales(url);
    }
}
