package ar.gob.anses.clavess.nofuiyo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClaveComprometidaTest {

    private static final long MARCA = 1_800_000_000_000L;

    @DisplayName("given no mark, then the clave is not compromised, whatever its age")
    @Test
    void sinMarca() {
        assertThat(ClaveComprometida.vigente(null, MARCA)).isFalse();
        assertThat(ClaveComprometida.vigente(" ", null)).isFalse();
    }

    @DisplayName("given a mark, then a clave set before it or at the same instant is compromised, one set after it is not")
    @Test
    void conMarca() {
        String marca = ClaveComprometida.marca(MARCA);
        assertThat(ClaveComprometida.vigente(marca, MARCA - 86_400_000L)).isTrue();
        assertThat(ClaveComprometida.vigente(marca, MARCA)).isTrue();
        assertThat(ClaveComprometida.vigente(marca, MARCA + 1)).as("recovered with Olvidé mi clave").isFalse();
    }

    @DisplayName("given a mark and no known creation time of the clave, or a mark that cannot be read, then it counts as compromised")
    @Test
    void ladoSeguro() {
        assertThat(ClaveComprometida.vigente(ClaveComprometida.marca(MARCA), null)).isTrue();
        assertThat(ClaveComprometida.vigente("ayer", MARCA + 1)).isTrue();
    }
}
