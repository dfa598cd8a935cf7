package ar.gob.anses.clavess.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Keycloak's CPU time per request of a journey, step by step: {@code n} journeys walk in lockstep (all take step 1,
 * then all step 2…) and Keycloak's process CPU (/proc, 10 ms ticks) is read around each step, so a step's cost is
 * its share over n journeys whatever the other steps cost. It says where a journey spends its CPU, which a sampling
 * profile on 2 busy cores (threads waiting for a core are sampled too) does not say reliably.
 */
final class CostoPorPaso {

    private CostoPorPaso() {
    }

    /**
     * {@code repeticiones} times, alternating the order of the journeys (ABBA), n journeys of each on {@code hilos}
     * threads; per journey and step, the mean CPU ms and the lowest and highest of the repetitions.
     */
    static ObjectNode medir(Cpu cpu, int n, int hilos, int repeticiones, List<String> nombres, List<Supplier<List<Flujos.Paso>>> viajes)
            throws Exception {
        List<List<double[]>> porViaje = new ArrayList<>(); // viaje → repetición → ms por paso
        List<String[]> pasos = new ArrayList<>();
        for (int v = 0; v < viajes.size(); v++) {
            porViaje.add(new ArrayList<>());
            pasos.add(viajes.get(v).get().stream().map(Flujos.Paso::nombre).toArray(String[]::new));
        }
        ExecutorService hilosDeCarga = Executors.newFixedThreadPool(hilos);
        try {
            for (int r = 0; r < repeticiones; r++) {
                for (int k = 0; k < viajes.size(); k++) {
                    int v = r % 2 == 0 ? k : viajes.size() - 1 - k;
                    porViaje.get(v).add(unaVez(cpu, n, hilosDeCarga, nombres.get(v), viajes.get(v)));
                }
            }
        } finally {
            hilosDeCarga.shutdownNow();
        }
        ObjectNode json = Admin.JSON.createObjectNode().put("viajes", n).put("hilos", hilos).put("repeticiones", repeticiones);
        for (int v = 0; v < viajes.size(); v++) {
            ArrayNode filas = json.putArray(nombres.get(v));
            double total = 0;
            for (int p = 0; p < pasos.get(v).length; p++) {
                int paso = p;
                double media = porViaje.get(v).stream().mapToDouble(ms -> ms[paso]).average().orElse(Double.NaN);
                total += media;
                filas.addObject().put("paso", pasos.get(v)[p]).put("cpuMs", media)
                        .put("min", porViaje.get(v).stream().mapToDouble(ms -> ms[paso]).min().orElse(Double.NaN))
                        .put("max", porViaje.get(v).stream().mapToDouble(ms -> ms[paso]).max().orElse(Double.NaN));
            }
            Benchmark.log("CPU per step, %s: %.1f ms in all (%s)", nombres.get(v), total, filas);
        }
        return json;
    }

    /** A journey's CPU ms in all: the sum of its steps' means in {@link #medir}'s answer. */
    static double total(JsonNode filas) {
        double total = 0;
        for (JsonNode fila : filas) {
            total += fila.get("cpuMs").asDouble();
        }
        return total;
    }

    /** n journeys in lockstep; CPU ms per journey of each step. A journey that fails is left out of the steps after. */
    private static double[] unaVez(Cpu cpu, int n, ExecutorService hilos, String nombre, Supplier<List<Flujos.Paso>> viaje) throws Exception {
        List<List<Flujos.Paso>> viajes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            viajes.add(viaje.get());
        }
        int cuantosPasos = viajes.get(0).size();
        double[] ms = new double[cuantosPasos];
        boolean[] caidos = new boolean[n];
        for (int p = 0; p < cuantosPasos; p++) {
            int paso = p;
            List<Future<Boolean>> hechos = new ArrayList<>();
            Cpu.Instante antes = cpu.ahora();
            for (int i = 0; i < n; i++) {
                int j = i;
                hechos.add(hilos.submit(() -> {
                    if (caidos[j]) {
                        return false;
                    }
                    try {
                        viajes.get(j).get(paso).hacer().ejecutar();
                        return true;
                    } catch (Exception e) {
                        caidos[j] = true;
                        Benchmark.log("CPU per step, %s: journey %d failed at %s: %s", nombre, j, viajes.get(j).get(paso).nombre(), e.getMessage());
                        return false;
                    }
                }));
            }
            int bien = 0;
            for (Future<Boolean> hecho : hechos) {
                bien += hecho.get() ? 1 : 0;
            }
            ms[p] = Cpu.msDeKeycloak(antes, cpu.ahora()) / Math.max(1, bien);
        }
        return ms;
    }
}
