package ar.gob.anses.clavess.avisos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What remains of the User-Agent for the notice once Keycloak's DeviceRepresentationProvider has parsed it. */
class NavegadorTest {

    @DisplayName("given Keycloak's browser with its version and the system, then the family alone and the system")
    @Test
    void familiaSinVersion() {
        assertThat(Navegador.de("Chrome/131.0.0", "Windows")).isEqualTo(new Navegador("Chrome", "Windows"));
        assertThat(Navegador.de("Samsung Internet/25.0", "Android")).isEqualTo(new Navegador("Samsung Internet", "Android"));
        assertThat(Navegador.de("Firefox/Unknown", "Linux")).isEqualTo(new Navegador("Firefox", "Linux"));
    }

    @DisplayName("given what Keycloak did not recognise (Other, Unknown) or no device at all, then nothing is named")
    @Test
    void desconocido() {
        assertThat(Navegador.de("Other/Unknown", "Other")).isEqualTo(new Navegador(null, null));
        assertThat(Navegador.de("Chrome/131.0.0", "Other")).isEqualTo(new Navegador("Chrome", null));
        assertThat(Navegador.de(null, null)).isEqualTo(new Navegador(null, null));
        assertThat(Navegador.de(" ", "")).isEqualTo(new Navegador(null, null));
    }
}
