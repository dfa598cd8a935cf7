package ar.gob.anses.clavess.politica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class VersionPoliticasTest {

    @DisplayName("given a citizen who accepted another version than the one in force, then Cambiar mi clave asks again; "
            + "the same version, or none recorded (an office's account), does not")
    @Test
    void pedirDeNuevo() {
        assertThat(VersionPoliticas.pedirDeNuevo("2023-1", "2024-1")).isTrue();
        assertThat(VersionPoliticas.pedirDeNuevo("2024-1", "2024-1")).isFalse();
        assertThat(VersionPoliticas.pedirDeNuevo(" 2024-1 ", "2024-1")).isFalse();
        assertThat(VersionPoliticas.pedirDeNuevo(null, "2024-1")).isFalse();
        assertThat(VersionPoliticas.pedirDeNuevo("", "2024-1")).isFalse();
    }

    @DisplayName("given the step's config, then its version; given none or a blank one, then the default")
    @Test
    void deLaConfig() {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of(VersionPoliticas.CONFIG, "2025-2"));
        assertThat(VersionPoliticas.de(config)).isEqualTo("2025-2");
        config.setConfig(Map.of(VersionPoliticas.CONFIG, " "));
        assertThat(VersionPoliticas.de(config)).isEqualTo(VersionPoliticas.POR_DEFECTO);
        assertThat(VersionPoliticas.de(null)).isEqualTo(VersionPoliticas.POR_DEFECTO);
    }
}
