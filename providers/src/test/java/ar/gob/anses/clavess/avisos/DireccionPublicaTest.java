package ar.gob.anses.clavess.avisos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DireccionPublicaTest {

    /** What Keycloak would make of a request sent with a forged Host header and no hostname: the sender's host. */
    private static final Supplier<URI> FALSIFICADA = () -> URI.create("http://anses-gob-ar.example:8080/");

    @DisplayName("given the realm's Frontend URL, then the links come from it, whatever the hostname option or the request")
    @Test
    void frontendUrlDelRealm() {
        assertThat(DireccionPublica.de("https://clave.anses.gob.ar", "https://otro.example/", FALSIFICADA))
                .contains("https://clave.anses.gob.ar/");
        assertThat(DireccionPublica.de("https://clave.anses.gob.ar/auth/", null, FALSIFICADA))
                .contains("https://clave.anses.gob.ar/auth/");
    }

    @DisplayName("given the hostname option as a URL, then the links come from it and the request is never asked")
    @Test
    void hostnameUrl() {
        Supplier<URI> nunca = () -> {
            throw new AssertionError("the request was asked");
        };
        assertThat(DireccionPublica.de(null, "https://clave.anses.gob.ar", nunca)).contains("https://clave.anses.gob.ar/");
        assertThat(DireccionPublica.de("  ", "http://localhost:8080/", nunca)).contains("http://localhost:8080/");
    }

    @DisplayName("given the hostname option as a plain host name, then Keycloak's frontend address of the request, whose "
            + "host it fixed; an address with another host is not taken")
    @Test
    void hostnamePlano() {
        assertThat(DireccionPublica.de(null, "clave.anses.gob.ar", () -> URI.create("https://clave.anses.gob.ar/")))
                .contains("https://clave.anses.gob.ar/");
        assertThat(DireccionPublica.de(null, "clave.anses.gob.ar", FALSIFICADA)).isEmpty();
        assertThat(DireccionPublica.de(null, "clave.anses.gob.ar", () -> {
            throw new IllegalStateException("no request");
        })).isEmpty();
    }

    @DisplayName("given no public address configured (or an unusable one), then none: never the request's Host")
    @Test
    void ninguna() {
        assertThat(DireccionPublica.de(null, null, FALSIFICADA)).isEmpty();
        assertThat(DireccionPublica.de("", " ", FALSIFICADA)).isEmpty();
        assertThat(DireccionPublica.de("javascript:alert(1)", null, FALSIFICADA)).isEmpty();
        assertThat(DireccionPublica.de("https://clave.anses.gob.ar/?x=1", null, FALSIFICADA)).isEmpty();
        assertThat(DireccionPublica.de(null, "ftp://clave.anses.gob.ar", FALSIFICADA)).isEmpty();
        assertThat(DireccionPublica.de(null, "https://usuario@clave.anses.gob.ar", FALSIFICADA)).isEmpty();
    }
}
