package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.PoolJdbc;
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
 * The legacy registry in PostgreSQL (table {@code clave_legada} of {@code schema.sql}), chosen with
 * {@code --spi-anses-claves-legadas--provider=jdbc} (a build option, as for the padrón) and configured with {@code --spi-anses-claves-legadas--jdbc--url}
 * and the options of {@link #getConfigMetadata()}. At start the table's algorithms are checked (an unknown one stops
 * the start); a registry that does not answer then is only a WARN, so that Keycloak starts and migrated citizens log in.
 */
public final class JdbcClavesLegadasProviderFactory implements ClavesLegadasProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "jdbc";
    public static final String URL = PoolJdbc.URL;
    static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private static final Logger LOG = Logger.getLogger(JdbcClavesLegadasProviderFactory.class);

    private String url;
    private JdbcClavesLegadas registro;
    private long entradas;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        Optional<PoolJdbc.Opciones> opciones = PoolJdbc.Opciones.leer(config, DEFAULT_TIMEOUT_SECONDS);
        if (opciones.isEmpty()) {
            LOG.debugf("No --spi-%s--%s--%s: the jdbc legacy registry is not configured", ClavesLegadasSpi.NAME, PROVIDER_ID, URL);
            return;
        }
        url = opciones.get().url();
        registro = new JdbcClavesLegadas(opciones.get());
        long poolSize = opciones.get().tamano();
        long timeout = opciones.get().timeout().toSeconds();
        try {
            // An unknown algorithm throws IllegalArgumentException here: the start stops, naming it.
            entradas = registro.validar();
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
        ProgresoMigracion.NODO.entradas(entradas); // the provider in use says it: Keycloak initialises them all
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
        return PoolJdbc.propiedades("PostgreSQL JDBC URL of the legacy claves, e.g. jdbc:postgresql://db:5432/legado?currentSchema=legado "
                        + "(table in schema.sql, see docs/claves-legadas.md).", "Database user; read access to clave_legada is enough.",
                "Longest wait for a free connection, for connecting and for one lookup; past it the citizen is told the system "
                        + "is busy and nothing is counted.", DEFAULT_TIMEOUT_SECONDS);
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
