package ar.gob.anses.clavess.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the machine's CPU time went during a measurement (Linux /proc): Keycloak's JVM, this load
 * generator, and everything else (PostgreSQL, other work on the machine). On a small machine the
 * generator competes with the server; this says by how much.
 */
final class Cpu {

    record Instante(long ocupado, long total, long keycloak, long generador, long postgres) {
    }

    /** Shares of the whole machine's capacity during an interval, 0 to 1. */
    record Reparto(double ocupado, double keycloak, double generador, double postgres, double resto) {
    }

    private final long keycloakPid;

    Cpu(long keycloakPid) {
        this.keycloakPid = keycloakPid;
    }

    Instante ahora() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long ocioso = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new Instante(total - ocioso, total, proceso(keycloakPid), proceso(ProcessHandle.current().pid()), postgres());
        } catch (IOException | RuntimeException e) {
            return new Instante(0, 0, 0, 0, 0);
        }
    }

    static Reparto entre(Instante antes, Instante despues) {
        double total = Math.max(1, despues.total() - antes.total());
        double keycloak = (despues.keycloak() - antes.keycloak()) / total;
        double generador = (despues.generador() - antes.generador()) / total;
        double postgres = Math.max(0, despues.postgres() - antes.postgres()) / total;
        double ocupado = (despues.ocupado() - antes.ocupado()) / total;
        return new Reparto(ocupado, keycloak, generador, postgres, Math.max(0, ocupado - keycloak - generador - postgres));
    }

    /** Milliseconds of CPU Keycloak's process used between two instants (clock ticks of 10 ms: Linux's USER_HZ of 100). */
    static double msDeKeycloak(Instante antes, Instante despues) {
        return (despues.keycloak() - antes.keycloak()) * 10.0;
    }

    /** Milliseconds of CPU each part of the machine used between two instants, divided by {@code operaciones}. */
    record PorOperacion(double keycloak, double postgres, double generador, double resto) {

        double maquina() {
            return keycloak + postgres + generador + resto;
        }
    }

    static PorOperacion porOperacion(Instante antes, Instante despues, long operaciones) {
        double n = Math.max(1, operaciones);
        double keycloak = msDeKeycloak(antes, despues) / n;
        double postgres = Math.max(0, despues.postgres() - antes.postgres()) * 10.0 / n;
        double generador = (despues.generador() - antes.generador()) * 10.0 / n;
        double ocupado = (despues.ocupado() - antes.ocupado()) * 10.0 / n;
        return new PorOperacion(keycloak, postgres, generador, Math.max(0, ocupado - keycloak - postgres - generador));
    }

    /**
     * All PostgreSQL processes (server and backends). Only those alive at both ends of the interval count fully:
     * Keycloak's and the padrón's pools keep their connections, so nearly all are.
     */
    private static long postgres() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> {
                    try {
                        return proceso(p.pid());
                    } catch (IOException | RuntimeException e) {
                        return 0; // ended meanwhile
                    }
                }).sum();
    }

    /** utime + stime of a process, in the same clock ticks as /proc/stat. */
    private static long proceso(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        List<String> campos = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        return Long.parseLong(campos.get(11)) + Long.parseLong(campos.get(12));
    }
}
