package ar.gob.anses.clavess.flujo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.JdbcPadron;
import java.net.ServerSocket;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SistemaSaturadoTest {

    @DisplayName("given the jdbc padrón pointed at a port where nothing listens, when a CUIL is looked up, then the failure "
            + "is one the flows answer with 'temporalmente saturado'")
    @Test
    void padronQueNoResponde() throws Exception {
        int puerto;
        try (ServerSocket libre = new ServerSocket(0)) {
            puerto = libre.getLocalPort(); // closed again: nothing listens there
        }
        try (JdbcPadron padron = new JdbcPadron("jdbc:postgresql://127.0.0.1:" + puerto + "/padron", "root", null, 1, Duration.ofSeconds(1))) {
            Throwable caida = catchThrowable(() -> padron.buscar(Cuil.leer("20334445551").cuil()));
            assertThat(caida).isNotNull();
            assertThat(SistemaSaturado.esCaida(caida)).isTrue();
        }
    }

    @DisplayName("given a failure with a database error deep among its causes, then it is a database that did not answer; "
            + "given any other failure, then it is not (Keycloak's error page stays for bugs)")
    @Test
    void soloLasDeBaseDeDatos() {
        RuntimeException envuelta = new IllegalStateException("lookup failed",
                new RuntimeException(new SQLTransientConnectionException("Sorry, acquisition timeout!")));
        assertThat(SistemaSaturado.esCaida(envuelta)).isTrue();
        assertThat(SistemaSaturado.esCaida(new IllegalStateException("bug", new NullPointerException()))).isFalse();
        assertThat(SistemaSaturado.esCaida(new NullPointerException())).isFalse();
    }
}
