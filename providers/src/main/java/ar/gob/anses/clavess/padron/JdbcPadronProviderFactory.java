package ar.gob.anses.clavess.padron;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The registry in PostgreSQL (tables in {@code schema.sql}), for registries too large to hold in memory.
 * Chosen with {@code --spi-anses-padron--provider=jdbc}; configured with {@code --spi-anses-padron--jdbc--url}
 * and the options of {@link #getConfigMetadata()}.
 */
public final class JdbcPadronProviderFactory implements PadronProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "jdbc";
    public static final String URL = PoolJdbc.URL;
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
        Optional<PoolJdbc.Opciones> opciones = PoolJdbc.Opciones.leer(config, DEFAULT_TIMEOUT_SECONDS);
        if (opciones.isEmpty()) {
            LOG.debugf("No --spi-%s--%s--%s: the jdbc padrón is not configured", PadronSpi.NAME, PROVIDER_ID, URL);
            return;
        }
        url = opciones.get().url();
        padron = new JdbcPadron(opciones.get());
        LOG.infof("Padrón in %s: pool of %d connections, timeout %d s", sinCredenciales(url), opciones.get().tamano(),
                opciones.get().timeout().toSeconds());
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
        return PoolJdbc.propiedades("PostgreSQL JDBC URL of the registry, e.g. jdbc:postgresql://db:5432/padron?currentSchema=padron "
                        + "(tables in schema.sql, see docs/padron.md).", "Database user; read access to the padron_* tables is enough.",
                "Longest wait for a free connection, for connecting and for one query.", DEFAULT_TIMEOUT_SECONDS);
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
