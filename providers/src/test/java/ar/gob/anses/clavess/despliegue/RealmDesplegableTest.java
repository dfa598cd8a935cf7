package ar.gob.anses.clavess.despliegue;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.KeycloakServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a deployer imports (realm-export/anses-realm.json) ships no known secret and no address that only
 * makes sense on a developer's machine; the demo clients the tests and local runs use live in realm-export/demo/.
 */
class RealmDesplegableTest {

    private static final Path REALM_DIR = Path.of("../realm-export");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DisplayName("the deployable realm has no client secret and no redirect URI, web origin or URL on localhost or 127.0.0.1")
    @Test
    void sinSecretosNiLocalhost() throws Exception {
        String texto = Files.readString(REALM_DIR.resolve("anses-realm.json"));
        JsonNode realm = JSON.readTree(texto);

        assertThat(realm.path("clients")).isNotEmpty();
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.has("secret")).as(client.path("clientId").asText() + " has a secret").isFalse();
            List<String> atributos = new ArrayList<>();
            client.path("attributes").fieldNames().forEachRemaining(atributos::add);
            assertThat(atributos).as(client.path("clientId").asText()).noneMatch(nombre -> nombre.contains("secret"));
        }
        // Anywhere in the file, not only the fields known today: redirect URIs, web origins, root/base/admin URLs,
        // post-logout redirects.
        assertThat(texto).doesNotContain("localhost").doesNotContain("127.0.0.1");
    }

    @DisplayName("the realm's default client scopes name only scopes of the export: Keycloak makes its own stock scopes "
            + "defaults when it creates them, and warns 'Referenced client scope ... doesn't exist' for any other name")
    @Test
    void alcancesPorDefectoDelExport() throws Exception {
        JsonNode realm = JSON.readTree(REALM_DIR.resolve("anses-realm.json").toFile());
        List<String> propios = new ArrayList<>();
        realm.path("clientScopes").forEach(s -> propios.add(s.path("name").asText()));
        List<String> nombrados = new ArrayList<>();
        realm.path("defaultDefaultClientScopes").forEach(s -> nombrados.add(s.asText()));
        realm.path("defaultOptionalClientScopes").forEach(s -> nombrados.add(s.asText()));

        assertThat(nombrados).contains("anses-nivel", "anses-amr");
        assertThat(propios).containsAll(nombrados);
    }

    @DisplayName("a citizen's change of address waits for its confirmation: Keycloak's Update email is on with its link "
            + "to the new address forced (the account console and the profile forms then leave a set address alone), and "
            + "the address's user-profile attribute remembers the previous one for its notice (anses-correo-anterior)")
    @Test
    void cambioDeCorreoConfirmado() throws Exception {
        JsonNode realm = JSON.readTree(REALM_DIR.resolve("anses-realm.json").toFile());
        JsonNode updateEmail = null;
        for (JsonNode accion : realm.path("requiredActions")) {
            if ("UPDATE_EMAIL".equals(accion.path("alias").asText())) {
                updateEmail = accion;
            }
        }
        assertThat(updateEmail).isNotNull();
        assertThat(updateEmail.path("enabled").asBoolean()).isTrue();
        assertThat(updateEmail.path("config").path("verifyEmail").asText()).isEqualTo("true");

        JsonNode perfil = null;
        for (JsonNode componente : realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")) {
            perfil = JSON.readTree(componente.path("config").path("kc.user.profile.config").path(0).asText());
        }
        assertThat(perfil).isNotNull();
        JsonNode email = null;
        for (JsonNode atributo : perfil.path("attributes")) {
            if ("email".equals(atributo.path("name").asText())) {
                email = atributo;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.path("validations").has("anses-correo-anterior")).isTrue();
        assertThat(email.path("permissions").path("edit").toString()).as("Update email needs the user's edit").contains("user");
    }

    @DisplayName("the demo file holds the clients the tests and README rely on, and install merges them into the imported realm")
    @Test
    void clientesDemoAparte(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("providers"));
        Path jar = Files.writeString(home.resolve("clave-ss-providers.jar"), "not a jar: install only copies it");

        KeycloakServer.install(home, jar, REALM_DIR);

        JsonNode importado = JSON.readTree(home.resolve("data/import/anses-realm.json").toFile());
        List<String> clientes = new ArrayList<>();
        importado.path("clients").forEach(c -> clientes.add(c.path("clientId").asText()));
        assertThat(clientes).contains("admin-permissions", "mi-anses", "clave-ss-test", "servicios-corporativos",
                "cambio-lugar-cobro", "reparacion-historica");
        assertThat(importado.path("realm").asText()).isEqualTo("anses");
        assertThat(home.resolve("data/import/anses-users-0.json")).exists();
        assertThat(home.resolve("data/import/anses-clientes-demo.json")).doesNotExist();
    }
}
