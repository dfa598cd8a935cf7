package ar.gob.anses.clavess.avisos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NavegadorTest {

    @DisplayName("given common User-Agents, then the browser family and system a citizen recognises")
    @Test
    void familias() {
        assertThat(Navegador.de("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo(new Navegador("Chrome", "Windows"));
        assertThat(Navegador.de("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo(new Navegador("Edge", "Windows"));
        assertThat(Navegador.de("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo(new Navegador("Firefox", "Linux"));
        assertThat(Navegador.de("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo(new Navegador("Safari", "iOS"));
        assertThat(Navegador.de("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36")).isEqualTo(new Navegador("Samsung Internet", "Android"));
        assertThat(Navegador.de("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0")).isEqualTo(new Navegador("Opera", "macOS"));
    }

    @DisplayName("given no or an unknown User-Agent, then nothing is made up")
    @Test
    void desconocido() {
        assertThat(Navegador.de(null)).isEqualTo(new Navegador(null, null));
        assertThat(Navegador.de(" ")).isEqualTo(new Navegador(null, null));
        assertThat(Navegador.de("curl/8.5.0")).isEqualTo(new Navegador(null, null));
        assertThat(Navegador.de("Java-http-client/17.0.12")).isEqualTo(new Navegador(null, null));
    }
}
