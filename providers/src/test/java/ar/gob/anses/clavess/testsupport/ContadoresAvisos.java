package ar.gob.anses.clavess.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The notices' sender's counters, as Server Info shows them (Provider info → eventsListener → anses-avisos):
 * {@code enviados}, {@code reintentados}, {@code abandonados}, {@code sinDireccion}, and {@code enEspera} (rows in the
 * outbox now, read from the database, so the same on every node).
 */
public final class ContadoresAvisos {

    private ContadoresAvisos() {
    }

    /** A counter of the server's Server Info; a new admin token each time (master's tokens live one minute). */
    public static long contador(KeycloakServer server, String nombre) throws Exception {
        JsonNode info = new AdminApi(server).serverInfo().at("/providers/eventsListener/providers/anses-avisos/operationalInfo/" + nombre);
        assertThat(info.isMissingNode()).as("counter " + nombre + " in Server Info").isFalse();
        return Long.parseLong(info.asText());
    }

    /** The sum of a counter over {@code servers} (each node counts what it did). */
    public static long suma(String nombre, KeycloakServer... servers) throws Exception {
        long suma = 0;
        for (KeycloakServer s : servers) {
            suma += contador(s, nombre);
        }
        return suma;
    }

    /** Polls until the sum of the counter over {@code servers} reaches {@code valor}; fails after {@link Espera#PLAZO}. */
    public static void esperar(String nombre, long valor, KeycloakServer... servers) throws Exception {
        Espera.esperarHasta("counter " + nombre + " reaching " + valor, Espera.PLAZO, () -> suma(nombre, servers) >= valor);
    }

    /** Polls until no notice waits in the outbox: nothing left that could still be sent. */
    public static void esperarBandejaVacia(KeycloakServer server) throws Exception {
        Espera.esperarHasta("the outbox emptying", Espera.PLAZO, () -> contador(server, "enEspera") == 0);
    }
}
