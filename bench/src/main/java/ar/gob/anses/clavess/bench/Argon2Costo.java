package ar.gob.anses.clavess.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The price of one password hash, the floor under every login: Keycloak 26.7.3's default password hash
 * (argon2 provider: Argon2id, version 1.3, 7168 KiB, 5 iterations, parallelism 1, 32-byte hash, 16-byte salt;
 * {@code org.keycloak.crypto.hash.Argon2Parameters}) computed with the same BouncyCastle that Keycloak's
 * distribution ships. Keycloak runs at most one hash per core at a time, so cores ÷ hash time is the most
 * logins a second this machine can do.
 */
final class Argon2Costo {

    record Resultado(double mediaMs, double p50Ms, double p99Ms, int nucleos, double limitePorSegundo,
                     double medidoTodosLosNucleosPorSegundo) {
    }

    private Argon2Costo() {
    }

    static Resultado medir(int muestras, double segundosEnParalelo) throws InterruptedException {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10; i++) {
            hash(random); // JIT warm-up
        }
        long[] nanos = new long[muestras];
        for (int i = 0; i < muestras; i++) {
            long t0 = System.nanoTime();
            hash(random);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double media = Arrays.stream(nanos).average().orElseThrow() / 1e6;
        int nucleos = Runtime.getRuntime().availableProcessors();

        // Every core hashing at once: memory bandwidth or turbo limits show here, not in one thread.
        AtomicLong hechos = new AtomicLong();
        long fin = System.nanoTime() + (long) (segundosEnParalelo * 1e9);
        List<Thread> hilos = new ArrayList<>();
        long inicio = System.nanoTime();
        for (int n = 0; n < nucleos; n++) {
            Thread hilo = new Thread(() -> {
                SecureRandom propio = new SecureRandom();
                while (System.nanoTime() < fin) {
                    hash(propio);
                    hechos.incrementAndGet();
                }
            });
            hilos.add(hilo);
            hilo.start();
        }
        for (Thread hilo : hilos) {
            hilo.join();
        }
        double enParalelo = hechos.get() / ((System.nanoTime() - inicio) / 1e9);
        double p50 = Carga.percentil(nanos, 0.5);
        Resultado resultado = new Resultado(media, p50, Carga.percentil(nanos, 0.99), nucleos, nucleos / (p50 / 1000.0), enParalelo);
        Benchmark.log("Argon2 (Keycloak defaults): p50 %.1f ms, p99 %.1f ms; limit %d cores / %.1f ms = %.1f hashes/s; measured with all cores %.1f/s",
                p50, resultado.p99Ms(), nucleos, p50, resultado.limitePorSegundo(), enParalelo);
        return resultado;
    }

    private static byte[] hash(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Argon2Parameters parametros = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                .withMemoryAsKB(7168).withIterations(5).withParallelism(1).build();
        Argon2BytesGenerator generador = new Argon2BytesGenerator();
        generador.init(parametros);
        byte[] hash = new byte[32];
        generador.generateBytes("Bench7Clave".getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }
}
