package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.nio.file.Path;
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
 * The legacy registry from a JSON file, read and checked once at start (an unknown algorithm or a malformed hash stops
 * the start, naming the entry) and held in memory by CUIL. The path is the SPI option
 * {@code --spi-anses-claves-legadas--json-file--path} ({@code KC_SPI_ANSES_CLAVES_LEGADAS__JSON_FILE__PATH}); without
 * one the registry is empty and no legacy work is done at any login.
 */
public final class JsonFileClavesLegadasProviderFactory implements ClavesLegadasProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "json-file";
    public static final String PATH = "path";

    private static final Logger LOG = Logger.getLogger(JsonFileClavesLegadasProviderFactory.class);

    private String path;
    private Map<String, ClaveLegada> claves = Map.of();
    private Optional<Ficticio> ficticio = Optional.empty();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** The default when {@code --spi-anses-claves-legadas--provider} is not given (the highest order above 0). */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void init(Config.Scope config) {
        path = config.get(PATH);
        if (path == null || path.isBlank()) {
            LOG.debugf("No legacy claves file (--spi-%s--%s--%s): no clave of a former system is migrated",
                    ClavesLegadasSpi.NAME, PROVIDER_ID, PATH);
            return;
        }
        claves = ClavesLegadasFile.leer(Path.of(path));
        ficticio = Ficticio.delMasComun(claves.values());
        LOG.infof("Legacy claves %s: %d entries; a CUIL without one is compared with a dummy %s", path, claves.size(),
                ficticio.map(Ficticio::trabajo).orElse("(none)"));
    }

    @Override
    public ClavesLegadasProvider create(KeycloakSession session) {
        Map<String, ClaveLegada> index = claves;
        Optional<Ficticio> dummy = ficticio;
        ProgresoMigracion.NODO.entradas(index.size()); // the provider in use says it: Keycloak initialises them all
        return new ClavesLegadasProvider() {
            @Override
            public Optional<ClaveLegada> buscar(Cuil cuil) {
                return Optional.ofNullable(index.get(cuil.digitos()));
            }

            @Override
            public Optional<Ficticio> ficticio() {
                return dummy;
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ProgresoMigracion.NODO.conocer(factory);
    }

    @Override
    public void close() {
        // Nothing held but memory.
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PATH).type(ProviderConfigProperty.STRING_TYPE)
                .label("Legacy claves file")
                .helpText("Path of the JSON file with the former system's claves (format in docs/claves-legadas.md).")
                .add().build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("path", path == null ? "(none)" : path);
        info.put("dummy hash", ficticio.map(Ficticio::trabajo).orElse("(none)"));
        info.putAll(ProgresoMigracion.NODO.info());
        return info;
    }
}
