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
 * of the pairs' ratios and its spread half their range: what makes a ratio usable on a shared, noisy machine.
 */
final class Comparacion {

    /** A scenario: what a virtual user does in each realm. */
    record Escenario(String nombre, Supplier<Carga.Operacion> anses, Supplier<Carga.Operacion> stock) {
    }

    private Comparacion() {
    }

    /** Runs {@code pares} pairs of rounds of every scenario; one JSON object per scenario, by name. */
    static Map<String, ObjectNode> medir(List<Escenario> escenarios, int concurrencia, int pares, Duration ronda) throws InterruptedException {
        return medir(escenarios, concurrencia, pares, ronda, Benchmark.ANSES, Benchmark.STOCK);
    }

    /**
     * The same with other names for the two sides (in the logs and "first"), e.g. cluster against one node; the JSON
     * keeps its keys: side A is "cuil", side B "stock".
     */
    static Map<String, ObjectNode> medir(List<Escenario> escenarios, int concurrencia, int pares, Duration ronda, String nombreA,
                                         String nombreB) throws InterruptedException {
        Map<String, List<Carga.Resultado>> anses = new LinkedHashMap<>();
        Map<String, List<Carga.Resultado>> stock = new LinkedHashMap<>();
        Map<String, ArrayNode> primeros = new LinkedHashMap<>();
        for (Escenario e : escenarios) {
            anses.put(e.nombre(), new ArrayList<>());
            stock.put(e.nombre(), new ArrayList<>());
            primeros.put(e.nombre(), Admin.JSON.createArrayNode());
        }
        for (int par = 1; par <= pares; par++) {
            boolean ansesPrimero = par % 2 == 1;
            for (Escenario e : escenarios) {
                for (boolean a : ansesPrimero ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    String realm = a ? nombreA : nombreB;
                    Carga.Resultado r = Carga.medir(e.nombre() + " " + realm + " pair " + par, concurrencia, ronda, a ? e.anses() : e.stock());
                    (a ? anses : stock).get(e.nombre()).add(r);
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
            double suma = 0;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i < a.size(); i++) {
                Carga.Medicion ma = a.get(i).medicion();
                Carga.Medicion mb = b.get(i).medicion();
                double ratio = ma.porSegundo() / mb.porSegundo();
                suma += ratio;
                min = Math.min(min, ratio);
                max = Math.max(max, ratio);
                paresJson.addObject().put("first", primeros.get(e.nombre()).get(i).asText()).put("ansesPorSegundo", ma.porSegundo())
                        .put("stockPorSegundo", mb.porSegundo()).put("ratio", ratio).put("p99Extra", ma.p99() - mb.p99())
                        .put("erroresAnses", ma.errores()).put("erroresStock", mb.errores());
            }
            double media = suma / a.size();
            json.put("ratio", media).put("spread", (max - min) / 2 / media).put("ratioMin", min).put("ratioMax", max)
                    .put("p99Extra", json.at("/cuil/p99").asDouble() - json.at("/stock/p99").asDouble());
            json.set("roundsCuil", Admin.JSON.valueToTree(a.stream().map(Carga.Resultado::medicion).toList()));
            json.set("roundsStock", Admin.JSON.valueToTree(b.stream().map(Carga.Resultado::medicion).toList()));
            Benchmark.log("%s: " + nombreA + " ÷ " + nombreB + " %.3f ± %.1f %% over %d ABBA pairs, p99 %+.1f ms", e.nombre(), media,
                    100 * (max - min) / 2 / media, a.size(), json.get("p99Extra").asDouble());
            resultado.put(e.nombre(), json);
        }
        return resultado;
    }

    private static Carga.Medicion juntar(String nombre, List<Carga.Resultado> rondas) {
        return Carga.Medicion.juntar(nombre, rondas.stream().map(Carga.Resultado::medicion).toList(),
                rondas.stream().map(Carga.Resultado::latenciasNanos).toList());
    }
}
