package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.PoolJdbc;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The legacy registry in PostgreSQL (table {@code clave_legada} of {@code schema.sql}), chosen when its URL is given
 * (or with {@code --spi-anses-claves-legadas--provider=jdbc} at build) and configured with {@code --spi-anses-claves-legadas--jdbc--url}
 * and the options of {@link #getConfigMetadata()}. At start the table's algorithms are checked (an unknown one stops
 * the start); a registry that does not answer then is only a WARN, so that Keycloak starts and migrated citizens log in.
 */
public final class JdbcClavesLegadasProviderFactory implements ClavesLegadasProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "jdbc";
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String POOL_SIZE = "poolSize";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";

    static final int DEFAULT_POOL_SIZE = 8;
    static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private static final Logger LOG = Logger.getLogger(JdbcClavesLegadasProviderFactory.class);

    private String url;
    private JdbcClavesLegadas registro;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /**
     * Chosen by default over the file when its URL is set (Keycloak picks the highest order among the initialised
     * factories when {@code --spi-anses-claves-legadas--provider} is not given); idle, below the file, otherwise.
     */
    @Override
    public int order() {
        return registro != null ? 2 : 0;
    }

    @Override
    public void init(Config.Scope config) {
        url = config.get(URL);
        if (url == null || url.isBlank()) {
            LOG.debugf("No --spi-%s--%s--%s: the jdbc legacy registry is not configured", ClavesLegadasSpi.NAME, PROVIDER_ID, URL);
            return;
        }
        int poolSize = config.getInt(POOL_SIZE, DEFAULT_POOL_SIZE);
        int timeout = config.getInt(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS);
        registro = new JdbcClavesLegadas(url, config.get(USER), config.get(PASSWORD), poolSize, Duration.ofSeconds(timeout));
        try {
            // An unknown algorithm throws IllegalArgumentException here: the start stops, naming it.
            ProgresoMigracion.NODO.entradas(registro.validar());
            LOG.infof("Legacy claves in %s: pool of %d connections, timeout %d s; a CUIL without an entry is compared with a dummy %s",
                    PoolJdbc.sinCredenciales(url), poolSize, timeout, registro.ficticio().map(Ficticio::trabajo).orElse("(none: empty)"));
        } catch (RegistroNoDisponible e) {
            LOG.warnf("Legacy claves in %s did not answer at start (%s): first logins of CUILs without an account will say "
                    + "the system is busy until it does", PoolJdbc.sinCredenciales(url), e.getMessage());
        }
    }

    @Override
    public ClavesLegadasProvider create(KeycloakSession session) {
        JdbcClavesLegadas tabla = registro;
        if (tabla == null) {
            throw new IllegalStateException("The jdbc legacy registry needs --spi-" + ClavesLegadasSpi.NAME + "--" + PROVIDER_ID + "--" + URL);
        }
        return new ClavesLegadasProvider() {
            @Override
            public Optional<ClaveLegada> buscar(Cuil cuil) {
                return tabla.buscar(cuil);
            }

            @Override
            public Optional<Ficticio> ficticio() {
                return tabla.ficticio();
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (registro != null) {
            ProgresoMigracion.NODO.conocer(factory);
        }
    }

    @Override
    public void close() {
        if (registro != null) {
            registro.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(URL).type(ProviderConfigProperty.STRING_TYPE).label("JDBC URL")
                .helpText("PostgreSQL JDBC URL of the legacy claves, e.g. jdbc:postgresql://db:5432/legado?currentSchema=legado "
                        + "(table in schema.sql, see docs/claves-legadas.md).").add()
                .property().name(USER).type(ProviderConfigProperty.STRING_TYPE).label("User")
                .helpText("Database user; read access to clave_legada is enough.").add()
                .property().name(PASSWORD).type(ProviderConfigProperty.PASSWORD).label("Password")
                .helpText("Database password.").secret(true).add()
                .property().name(POOL_SIZE).type(ProviderConfigProperty.INTEGER_TYPE).label("Pool size")
                .helpText("Connections kept open at most.").defaultValue(DEFAULT_POOL_SIZE).add()
                .property().name(TIMEOUT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE).label("Timeout (seconds)")
                .helpText("Longest wait for a free connection, for connecting and for one lookup; past it the citizen is told "
                        + "the system is busy and nothing is counted.").defaultValue(DEFAULT_TIMEOUT_SECONDS).add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("url", url == null ? "(none)" : PoolJdbc.sinCredenciales(url));
        if (registro != null) {
            info.put("openConnections", String.valueOf(registro.conexionesAbiertas()));
            info.putAll(ProgresoMigracion.NODO.info());
        }
        return info;
    }
}
