package ar.gob.anses.clavess.actividad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

/** The realm export keeps what "Actividad de tu cuenta" reads, for as long as the page says. */
class RealmActividadTest {

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(Path.of("../realm-export/anses-realm.json").toFile());
    }

    @DisplayName("given the realm export, then it stores events for exactly the page's 90 days, and office (admin) events")
    @Test
    void noventaDias() throws IOException {
        JsonNode realm = realm();
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("eventsExpiration").asLong()).isEqualTo(Actividad.DIAS * 86_400L);
        assertThat(realm.path("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("adminEventsDetailsEnabled").asBoolean()).as("the level change's representation").isTrue();
    }

    @DisplayName("given the realm export, then Keycloak's admin events expire after the same 90 days as user events (they "
            + "grew without end: the page reads its office entries from its own table, which keeps 90 days too)")
    @Test
    void eventosDeOficinaVencen() throws IOException {
        assertThat(realm().path("attributes").path("adminEventsExpiration").asLong()).isEqualTo(Actividad.DIAS * 86_400L);
    }

    @DisplayName("given the realm export's stored event types (Keycloak's defaults when it lists none), then every type "
            + "the page reads is stored")
    @Test
    void tiposGuardados() throws IOException {
        JsonNode tipos = realm().path("enabledEventTypes");
        Set<String> guardados = new HashSet<>();
        if (tipos.isMissingNode() || tipos.isNull() || tipos.isEmpty()) {
            for (EventType tipo : EventType.values()) {
                if (tipo.isSaveByDefault()) {
                    guardados.add(tipo.name());
                }
            }
        } else {
            tipos.forEach(t -> guardados.add(t.asText()));
        }
        assertThat(guardados).containsAll(Actividad.TIPOS);
    }
}
