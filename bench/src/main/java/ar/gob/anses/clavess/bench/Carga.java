package ar.gob.anses.clavess.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The load generator, a Java equivalent of a Gatling closed model: {@code concurrencia} threads, each
 * repeating one operation back to back for a fixed time; every operation's latency is kept, so the
 * percentiles are exact. A warm-up is a measurement that is thrown away.
 */
final class Carga {

    /** One operation of a virtual user, e.g. a whole login; throws when it did not end as it should. */
    @FunctionalInterface
    interface Operacion {
        void ejecutar() throws Exception;
    }

    /** What one measurement gives: throughput and latency percentiles in milliseconds. */
    record Medicion(String escenario, int concurrencia, double segundos, long ok, long errores, double porSegundo,
                    double p50, double p95, double p99, String primerError) {

        static Medicion de(String escenario, int concurrencia, double segundos, long[] latenciasNanos, long errores, String primerError) {
            long[] ordenadas = latenciasNanos.clone();
            Arrays.sort(ordenadas);
            return new Medicion(escenario, concurrencia, segundos, ordenadas.length, errores, ordenadas.length / segundos,
                    percentil(ordenadas, 0.50), percentil(ordenadas, 0.95), percentil(ordenadas, 0.99), primerError);
        }

        /** Several rounds of the same scenario as one: all their operations together. */
        static Medicion juntar(String escenario, List<Medicion> rondas, List<long[]> latencias) {
            long[] todas = latencias.stream().flatMapToLong(Arrays::stream).toArray();
            double segundos = rondas.stream().mapToDouble(Medicion::segundos).sum();
            long errores = rondas.stream().mapToLong(Medicion::errores).sum();
            String error = rondas.stream().map(Medicion::primerError).filter(e -> e != null).findFirst().orElse(null);
            return de(escenario, rondas.get(0).concurrencia(), segundos, todas, errores, error);
        }
    }

    /** A measurement with its raw latencies, to join rounds. */
    record Resultado(Medicion medicion, long[] latenciasNanos) {
    }

    private Carga() {
    }

    /**
     * Runs {@code operaciones.get()} (one per thread, so each virtual user may keep state) on {@code concurrencia}
     * threads for {@code duracion}.
     */
    static Resultado medir(String escenario, int concurrencia, Duration duracion, Supplier<Operacion> operaciones)
            throws InterruptedException {
        long inicio = System.nanoTime();
        long fin = inicio + duracion.toNanos();
        List<long[]> porHilo = new ArrayList<>();
        long[] errores = new long[concurrencia];
        int[] cuantas = new int[concurrencia];
        AtomicReference<String> primerError = new AtomicReference<>();
        List<Thread> hilos = new ArrayList<>();
        for (int h = 0; h < concurrencia; h++) {
            int hilo = h;
            porHilo.add(new long[1024]);
            Operacion operacion = operaciones.get();
            hilos.add(new Thread(() -> {
                long[] latencias = porHilo.get(hilo);
                while (System.nanoTime() < fin) {
                    long t0 = System.nanoTime();
                    try {
                        operacion.ejecutar();
                        if (cuantas[hilo] == latencias.length) {
                            latencias = Arrays.copyOf(latencias, latencias.length * 2);
                            porHilo.set(hilo, latencias);
                        }
                        latencias[cuantas[hilo]++] = System.nanoTime() - t0;
                    } catch (Exception e) {
                        errores[hilo]++;
                        primerError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }, "carga-" + escenario + "-" + h));
        }
        hilos.forEach(Thread::start);
        for (Thread hilo : hilos) {
            hilo.join();
        }
        double segundos = (System.nanoTime() - inicio) / 1e9;
        long[] todas = new long[Arrays.stream(cuantas).sum()];
        int desde = 0;
        for (int h = 0; h < concurrencia; h++) {
            System.arraycopy(porHilo.get(h), 0, todas, desde, cuantas[h]);
            desde += cuantas[h];
        }
        Medicion medicion = Medicion.de(escenario, concurrencia, segundos, todas, Arrays.stream(errores).sum(), primerError.get());
        Benchmark.log("%-28s %7.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (%d ok, %d errors%s)", escenario,
                medicion.porSegundo(), medicion.p50(), medicion.p95(), medicion.p99(), medicion.ok(), medicion.errores(),
                medicion.primerError() == null ? "" : ": " + medicion.primerError());
        return new Resultado(medicion, todas);
    }

    static double percentil(long[] ordenadasNanos, double p) {
        if (ordenadasNanos.length == 0) {
            return Double.NaN;
        }
        int indice = (int) Math.ceil(p * ordenadasNanos.length) - 1;
        return ordenadasNanos[Math.max(0, Math.min(indice, ordenadasNanos.length - 1))] / 1e6;
    }
}
