package ar.gob.anses.clavess.despliegue;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.KeycloakCluster;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no container engine), so what can drift is checked by reading it: the Keycloak
 * version, the options every node runs with (the same constant mvn -Pcluster and ClusterPostgresIT use), and what it
 * imports.
 */
class DockerComposeTest {

    private static final Path RAIZ = Path.of("..");
    /** {@code ${VAR:-default}}: compose's default, the value used when the deployer sets nothing. */
    private static final Pattern POR_DEFECTO = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private static Map<String, Object> servicios;
    private static List<Map<String, Object>> nodos;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void leer() throws IOException {
        try (Reader reader = Files.newBufferedReader(RAIZ.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            servicios = (Map<String, Object>) compose.get("services");
        }
        nodos = servicios.values().stream().map(s -> (Map<String, Object>) s)
                .filter(s -> valor(String.valueOf(s.get("image"))).startsWith("keycloak/keycloak:")).toList();
    }

    @DisplayName("two Keycloak nodes, both on the image tag of the pom's keycloak.version")
    @Test
    void versionDelPom() {
        String version = System.getProperty("keycloak.version");
        assertThat(version).as("system property keycloak.version (set by the pom)").isNotBlank();
        assertThat(nodos).hasSize(2);
        for (Map<String, Object> nodo : nodos) {
            assertThat(valor(String.valueOf(nodo.get("image")))).isEqualTo("keycloak/keycloak:" + version);
        }
    }

    @DisplayName("both nodes run with every option of KeycloakCluster.OPCIONES, a hostname, the padrón option and the denylist")
    @Test
    void mismasOpcionesQueElCluster() {
        for (Map<String, Object> nodo : nodos) {
            Map<String, Object> env = entorno(nodo);
            KeycloakCluster.OPCIONES.forEach((nombre, esperado) ->
                    assertThat(String.valueOf(env.get(variable(nombre)))).as(variable(nombre)).isEqualTo(esperado));
            assertThat(valor(String.valueOf(env.get("KC_HOSTNAME")))).startsWith("http");
            String padron = String.valueOf(env.get(KeycloakServer.PADRON_PATH_VARIABLE));
            assertThat(volumenes(nodo)).anyMatch(v -> v.endsWith(":" + padron + ":ro"));
            assertThat(volumenes(nodo)).anyMatch(v -> v.startsWith("./realm-export/password-blacklists:/opt/keycloak/data/password-blacklists"));
            assertThat(volumenes(nodo)).anyMatch(v -> v.startsWith("./providers/target/clave-ss-providers.jar:/opt/keycloak/providers/"));
        }
        assertThat(entorno(nodos.get(0))).isEqualTo(entorno(nodos.get(1)));
    }

    @DisplayName("one node imports the deployable realm (anses-realm.json only: no demo users, no demo clients), "
            + "and the load balancer's config is in the repository and names both nodes")
    @Test
    void importaElRealmDesplegable() throws IOException {
        List<Map<String, Object>> importan = nodos.stream()
                .filter(n -> String.valueOf(n.get("command")).contains("--import-realm")).toList();
        assertThat(importan).hasSize(1);
        assertThat(volumenes(importan.get(0))).contains("./realm-export/anses-realm.json:/opt/keycloak/data/import/anses-realm.json:ro");
        for (Map<String, Object> nodo : nodos) {
            assertThat(volumenes(nodo)).noneMatch(v -> v.contains("anses-users") || v.contains("realm-export/demo"));
        }

        Map<?, ?> nginx = (Map<?, ?>) servicios.get("nginx");
        String config = String.valueOf(((List<?>) nginx.get("volumes")).get(0)).split(":")[0];
        String texto = Files.readString(RAIZ.resolve(config));
        for (String servicio : servicios.keySet().stream().filter(s -> nodos.contains(servicios.get(s))).toList()) {
            assertThat(texto).contains("server " + servicio + ":8080");
        }
    }

    /** --hostname-strict → KC_HOSTNAME_STRICT, as Keycloak maps options to variables. */
    private static String variable(String opcion) {
        return "KC_" + opcion.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String valor(String texto) {
        Matcher m = POR_DEFECTO.matcher(texto);
        return m.matches() ? m.group(1) : texto;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entorno(Map<String, Object> nodo) {
        return (Map<String, Object>) nodo.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumenes(Map<String, Object> nodo) {
        return (List<String>) nodo.get("volumes");
    }
}
