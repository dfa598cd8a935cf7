package ar.gob.anses.clavess.nofuiyo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EstadoEnlaceTest {

    private static final String EMISOR = "https://clave.anses.gob.ar/realms/anses";
    private static final String TIPO = NoFuiYoActionToken.TOKEN_TYPE;
    private static final long AHORA = 1_800_000_000L;

    @DisplayName("given a link of ours for this realm before its expiry, then it is valid; at or past its expiry, expired")
    @Test
    void vigencia() {
        assertThat(EstadoEnlace.de(TIPO, "u1", true, EMISOR, EMISOR, AHORA + 1, AHORA)).isEqualTo(EstadoEnlace.VALIDO);
        assertThat(EstadoEnlace.de(TIPO, "u1", true, EMISOR, EMISOR, AHORA, AHORA)).isEqualTo(EstadoEnlace.VENCIDO);
        assertThat(EstadoEnlace.de(TIPO, "u1", true, EMISOR, EMISOR, AHORA - 604_800, AHORA)).isEqualTo(EstadoEnlace.VENCIDO);
    }

    @DisplayName("given another kind of token, another realm's or host's issuer, no user, no nonce or no expiry, then it is invalid")
    @Test
    void invalido() {
        long expira = AHORA + 60;
        assertThat(EstadoEnlace.de("reset-credentials", "u1", true, EMISOR, EMISOR, expira, AHORA)).isEqualTo(EstadoEnlace.INVALIDO);
        assertThat(EstadoEnlace.de(TIPO, "u1", true, "https://clave.anses.gob.ar/realms/master", EMISOR, expira, AHORA))
                .isEqualTo(EstadoEnlace.INVALIDO);
        assertThat(EstadoEnlace.de(TIPO, "u1", true, null, EMISOR, expira, AHORA)).isEqualTo(EstadoEnlace.INVALIDO);
        assertThat(EstadoEnlace.de(TIPO, null, true, EMISOR, EMISOR, expira, AHORA)).isEqualTo(EstadoEnlace.INVALIDO);
        assertThat(EstadoEnlace.de(TIPO, "u1", false, EMISOR, EMISOR, expira, AHORA)).isEqualTo(EstadoEnlace.INVALIDO);
        assertThat(EstadoEnlace.de(TIPO, "u1", true, EMISOR, EMISOR, 0, AHORA)).isEqualTo(EstadoEnlace.INVALIDO);
    }

    @DisplayName("given the link's lifespan, then the notice says whole days, or hours rounded up under a day")
    @Test
    void vigenciaComoSeDice() {
        assertThat(EnlaceNoFuiYo.dias(604_800)).isEqualTo(7);
        assertThat(EnlaceNoFuiYo.dias(86_399)).isZero();
        assertThat(EnlaceNoFuiYo.horas(300)).isEqualTo(1);
        assertThat(EnlaceNoFuiYo.horas(43_200)).isEqualTo(12);
        assertThat(EnlaceNoFuiYo.horas(43_201)).isEqualTo(13);
        assertThat(EnlaceNoFuiYo.horas(-5)).isEqualTo(1);
    }

    @DisplayName("given the confirmation form's Origin, then none, the opaque null (a browser under Referrer-Policy: no-referrer) or ours is let through, another site's or garbage is not")
    @Test
    void origen() {
        java.net.URI base = java.net.URI.create("https://clave.anses.gob.ar/");
        assertThat(NoFuiYoResource.mismoOrigen(null, base)).isTrue();
        assertThat(NoFuiYoResource.mismoOrigen("https://clave.anses.gob.ar", base)).isTrue();
        assertThat(NoFuiYoResource.mismoOrigen("https://clave.anses.gob.ar:443", base)).isTrue();
        assertThat(NoFuiYoResource.mismoOrigen("https://malo.example", base)).isFalse();
        assertThat(NoFuiYoResource.mismoOrigen("http://clave.anses.gob.ar", base)).isFalse();
        // The opaque origin is what Chromium sends for our own form: Keycloak's pages say Referrer-Policy: no-referrer.
        assertThat(NoFuiYoResource.mismoOrigen("null", base)).isTrue();
        assertThat(NoFuiYoResource.mismoOrigen("no es un origen", base)).isFalse();
    }
}
