package ar.gob.anses.clavess.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scenarios of realm anses against the same scenario of realm stock, in pairs of rounds that alternate which
 * realm goes first (ABBA: A B, B A, A B…) so that a machine getting busier or quieter, or a JIT still warming
 * up, weighs on both alike; several scenarios run interleaved the same way, pair by pair. The ratio is the mean
 * of the pairs' ratios and its spread the 95 % confidence half-width of that mean (Student's t over the pairs),
 * relative to it; the pairs' own range is kept beside it. Each round also gives Keycloak's CPU time per operation
 * (its process's, from /proc), which leaves out the time the server waited for a core.
 */
final class Comparacion {

    /** A scenario: what a virtual user does in each realm. */
    record Escenario(String nombre, Supplier<Carga.Operacion> anses, Supplier<Carga.Operacion> stock) {
    }

    private Comparacion() {
    }

    /** Runs {@code pares} pairs of rounds of every scenario; one JSON object per scenario, by name. */
    static Map<String, ObjectNode> medir(List<Escenario> escenarios, int concurrencia, int pares, Duration ronda, Cpu cpu,
                                         Runnable antesDelPar) throws InterruptedException {
        return medir(escenarios, concurrencia, pares, ronda, Benchmark.ANSES, Benchmark.STOCK, cpu, antesDelPar);
    }

    /**
     * The same with other names for the two sides (in the logs and "first"), e.g. cluster against one node; the JSON
     * keeps its keys: side A is "cuil", side B "stock". {@code cpu} null: no CPU per operation (two JVMs, say).
     * {@code antesDelPar} runs before each pair, outside its rounds (the database's statistics, see Preparacion#analizar).
     */
    static Map<String, ObjectNode> medir(List<Escenario> escenarios, int concurrencia, int pares, Duration ronda, String nombreA,
                                         String nombreB, Cpu cpu, Runnable antesDelPar) throws InterruptedException {
        Map<String, List<Carga.Resultado>> anses = new LinkedHashMap<>();
        Map<String, List<Carga.Resultado>> stock = new LinkedHashMap<>();
        Map<String, ArrayNode> primeros = new LinkedHashMap<>();
        Map<String, List<Cpu.PorOperacion>> cpuA = new LinkedHashMap<>();
        Map<String, List<Cpu.PorOperacion>> cpuB = new LinkedHashMap<>();
        for (Escenario e : escenarios) {
            anses.put(e.nombre(), new ArrayList<>());
            stock.put(e.nombre(), new ArrayList<>());
            primeros.put(e.nombre(), Admin.JSON.createArrayNode());
            cpuA.put(e.nombre(), new ArrayList<>());
            cpuB.put(e.nombre(), new ArrayList<>());
        }
        for (int par = 1; par <= pares; par++) {
            boolean ansesPrimero = par % 2 == 1;
            antesDelPar.run();
            for (Escenario e : escenarios) {
                for (boolean a : ansesPrimero ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    String realm = a ? nombreA : nombreB;
                    Cpu.Instante antes = cpu == null ? null : cpu.ahora();
                    Carga.Resultado r = Carga.medir(e.nombre() + " " + realm + " pair " + par, concurrencia, ronda, a ? e.anses() : e.stock());
                    (a ? anses : stock).get(e.nombre()).add(r);
                    (a ? cpuA : cpuB).get(e.nombre()).add(cpu == null ? null : Cpu.porOperacion(antes, cpu.ahora(), r.medicion().ok()));
                }
                primeros.get(e.nombre()).add(ansesPrimero ? nombreA : nombreB);
            }
        }
        Map<String, ObjectNode> resultado = new LinkedHashMap<>();
        for (Escenario e : escenarios) {
            List<Carga.Resultado> a = anses.get(e.nombre());
            List<Carga.Resultado> b = stock.get(e.nombre());
            ObjectNode json = Admin.JSON.createObjectNode();
            json.set("cuil", Admin.JSON.valueToTree(juntar(e.nombre() + " " + nombreA, a)));
            json.set("stock", Admin.JSON.valueToTree(juntar(e.nombre() + " " + nombreB, b)));
            ArrayNode paresJson = json.putArray("pairs");
            List<Double> ratios = new ArrayList<>();
            List<Double> ratiosCpu = new ArrayList<>();
            List<Double> ratiosMaquina = new ArrayList<>();
            List<Double> p99Extras = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                Carga.Medicion ma = a.get(i).medicion();
                Carga.Medicion mb = b.get(i).medicion();
                double ratio = ma.porSegundo() / mb.porSegundo();
                Cpu.PorOperacion cpuPorOpA = cpuA.get(e.nombre()).get(i);
                Cpu.PorOperacion cpuPorOpB = cpuB.get(e.nombre()).get(i);
                ratios.add(ratio);
                p99Extras.add(ma.p99() - mb.p99());
                ObjectNode parJson = paresJson.addObject().put("first", primeros.get(e.nombre()).get(i).asText()).put("ansesPorSegundo", ma.porSegundo())
                        .put("stockPorSegundo", mb.porSegundo()).put("ratio", ratio).put("p99Extra", ma.p99() - mb.p99())
                        .put("erroresAnses", ma.errores()).put("erroresStock", mb.errores());
                if (cpuPorOpA != null && cpuPorOpA.keycloak() > 0 && cpuPorOpB.keycloak() > 0) {
                    ratiosCpu.add(cpuPorOpB.keycloak() / cpuPorOpA.keycloak()); // as throughput: above 1, anses costs less
                    ratiosMaquina.add(cpuPorOpB.maquina() / cpuPorOpA.maquina());
                    parJson.put("cpuMsAnses", cpuPorOpA.keycloak()).put("cpuMsStock", cpuPorOpB.keycloak());
                    parJson.set("cpuAnses", Admin.JSON.valueToTree(cpuPorOpA));
                    parJson.set("cpuStock", Admin.JSON.valueToTree(cpuPorOpB));
                }
            }
            Estadistica tasa = Estadistica.de(ratios);
            json.put("ratio", tasa.media()).put("spread", tasa.mitadIntervalo() / tasa.media()).put("ratioMin", tasa.min()).put("ratioMax", tasa.max())
                    .put("p99Extra", json.at("/cuil/p99").asDouble() - json.at("/stock/p99").asDouble());
            // The p99 difference as the ABBA design reads it: each pair's own difference, then their mean ± 95 % half-width.
            Estadistica p99 = Estadistica.de(p99Extras);
            json.put("p99ExtraPares", p99.media()).put("p99ExtraMitad", p99.mitadIntervalo());
            if (!ratiosCpu.isEmpty()) {
                Estadistica porCpu = Estadistica.de(ratiosCpu);
                Estadistica porMaquina = Estadistica.de(ratiosMaquina);
                json.put("ratioCpu", porCpu.media()).put("spreadCpu", porCpu.mitadIntervalo() / porCpu.media())
                        .put("cpuMsAnses", media(cpuA.get(e.nombre()), Cpu.PorOperacion::keycloak))
                        .put("cpuMsStock", media(cpuB.get(e.nombre()), Cpu.PorOperacion::keycloak))
                        .put("ratioMaquina", porMaquina.media()).put("spreadMaquina", porMaquina.mitadIntervalo() / porMaquina.media());
                ObjectNode porProceso = json.putObject("cpuPorProceso");
                porProceso.set("anses", Admin.JSON.valueToTree(mediaPorProceso(cpuA.get(e.nombre()))));
                porProceso.set("stock", Admin.JSON.valueToTree(mediaPorProceso(cpuB.get(e.nombre()))));
            }
            json.set("roundsCuil", Admin.JSON.valueToTree(a.stream().map(Carga.Resultado::medicion).toList()));
            json.set("roundsStock", Admin.JSON.valueToTree(b.stream().map(Carga.Resultado::medicion).toList()));
            Benchmark.log("%s: " + nombreA + " ÷ " + nombreB + " %.3f ± %.1f %% (95 %% CI; pairs %.3f to %.3f) over %d ABBA pairs, p99 %+.1f ms"
                    + " (pairs %+.1f ± %.1f ms); CPU per operation %s", e.nombre(), tasa.media(), 100 * tasa.mitadIntervalo() / tasa.media(),
                    tasa.min(), tasa.max(), a.size(), json.get("p99Extra").asDouble(), p99.media(), p99.mitadIntervalo(),
                    json.has("ratioCpu") ? String.format("%.3f ± %.1f %% (%.1f ms vs %.1f ms); machine %.3f ± %.1f %%; %s",
                            json.get("ratioCpu").asDouble(), 100 * json.get("spreadCpu").asDouble(), json.get("cpuMsAnses").asDouble(),
                            json.get("cpuMsStock").asDouble(), json.get("ratioMaquina").asDouble(), 100 * json.get("spreadMaquina").asDouble(),
                            json.get("cpuPorProceso")) : "not measured");
            resultado.put(e.nombre(), json);
        }
        return resultado;
    }

    private static double media(List<Double> valores) {
        return valores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double media(List<Cpu.PorOperacion> rondas, java.util.function.ToDoubleFunction<Cpu.PorOperacion> parte) {
        return rondas.stream().mapToDouble(parte).average().orElse(Double.NaN);
    }

    /** The rounds' mean milliseconds per operation of each part of the machine. */
    private static Cpu.PorOperacion mediaPorProceso(List<Cpu.PorOperacion> rondas) {
        return new Cpu.PorOperacion(media(rondas, Cpu.PorOperacion::keycloak), media(rondas, Cpu.PorOperacion::postgres),
                media(rondas, Cpu.PorOperacion::generador), media(rondas, Cpu.PorOperacion::resto));
    }

    /** Mean, the 95 % confidence half-width of the mean (Student's t), and the range of a few values. */
    record Estadistica(double media, double mitadIntervalo, double min, double max) {

        /** t quantiles (two-sided 95 %) for 1 to 30 degrees of freedom; beyond, the normal's 1.96. */
        private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
            2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

        static Estadistica de(List<Double> valores) {
            int n = valores.size();
            double media = Comparacion.media(valores);
            double min = valores.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = valores.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            if (n < 2) {
                return new Estadistica(media, Double.NaN, min, max);
            }
            double varianza = valores.stream().mapToDouble(v -> (v - media) * (v - media)).sum() / (n - 1);
            double t = n - 1 <= T95.length ? T95[n - 2] : 1.96;
            return new Estadistica(media, t * Math.sqrt(varianza / n), min, max);
        }
    }

    private static Carga.Medicion juntar(String nombre, List<Carga.Resultado> rondas) {
        return Carga.Medicion.juntar(nombre, rondas.stream().map(Carga.Resultado::medicion).toList(),
                rondas.stream().map(Carga.Resultado::latenciasNanos).toList());
    }
}
