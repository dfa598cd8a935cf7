package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The registry from a JSON file, read once at start and held in memory, indexed by CUIL. The path is
 * the SPI option {@code --spi-anses-padron--json-file--path} ({@code KC_SPI_ANSES_PADRON__JSON_FILE__PATH}).
 */
public final class JsonFilePadronProviderFactory implements PadronProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "json-file";
    public static final String PATH = "path";

    private static final Logger LOG = Logger.getLogger(JsonFilePadronProviderFactory.class);

    private String path;
    private Map<String, Persona> personas = Map.of();
    private Set<String> empleadores = Set.copyOf(Catalogo.EMPLEADORES);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /**
     * The default when {@code --spi-anses-padron--provider} is not given: with more than one provider Keycloak
     * picks the one of highest order above 0.
     */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void init(Config.Scope config) {
        path = config.get(PATH);
        if (path == null || path.isBlank()) {
            LOG.warnf("No padrón file configured (--spi-%s--%s--%s): nobody can create a clave online", PadronSpi.NAME, PROVIDER_ID, PATH);
            return;
        }
        personas = PadronFile.leer(Path.of(path)); // a malformed file stops the start, naming line and field
        Set<String> todos = new TreeSet<>(Catalogo.EMPLEADORES);
        personas.values().forEach(p -> todos.addAll(p.empleadores()));
        empleadores = Set.copyOf(todos);
        LOG.infof("Padrón %s: %d personas", path, personas.size());
    }

    @Override
    public PadronProvider create(KeycloakSession session) {
        Map<String, Persona> index = personas;
        Set<String> nombres = empleadores;
        return new PadronProvider() {
            @Override
            public Optional<Persona> buscar(Cuil cuil) {
                return Optional.ofNullable(index.get(cuil.digitos()));
            }

            @Override
            public Collection<String> empleadores() {
                return nombres;
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        // Nothing held but memory.
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PATH).type(ProviderConfigProperty.STRING_TYPE)
                .label("Padrón file")
                .helpText("Path of the JSON file with the registry's personas (format in docs/padron.md).")
                .add().build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("path", path == null ? "(none)" : path, "personas", String.valueOf(personas.size()));
    }
}
