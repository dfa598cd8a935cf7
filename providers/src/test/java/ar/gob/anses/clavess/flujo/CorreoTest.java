package ar.gob.anses.clavess.flujo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CorreoTest {

    @DisplayName("given a wrapped failure, then the cause logged is the innermost one, class and message")
    @Test
    void causaInterna() {
        Exception e = new RuntimeException("outer", new IOException("middle", new ConnectException("Connection refused")));
        assertThat(Correo.causa(e)).isEqualTo("ConnectException Connection refused");
    }

    @DisplayName("given a mail server that quotes the recipient, then no address reaches the log")
    @Test
    void sinDireccion() {
        Exception e = new IllegalStateException("550 mailbox juana@example.org unavailable");
        assertThat(Correo.causa(e)).isEqualTo("IllegalStateException").doesNotContain("@");
    }

    @DisplayName("given a failure without a message, then only its class")
    @Test
    void sinMensaje() {
        assertThat(Correo.causa(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
