package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.ReceptorSenales;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seconds from an account change to the app hearing of it (issue 22): an office changes a citizen's level
 * ({@code PUT anses-nivel/<cuil>}, answered after its commit), and two apps she is a subject of wait for the
 * {@code assurance-level-change}: one pushed to by the outbox's drainer, one polling right after the change. Keycloak
 * in production mode with the {@code ssf} feature and the outbox drained at the deployers' default interval (30 s) or
 * {@code -Dbench.senalesDrenado}; each change a random fraction of that interval after the previous signal arrived (which
 * is right after a drain), so that changes fall anywhere in the drainer's cycle, as an office's do.
 */
final class SenalesLatencia {

    private SenalesLatencia() {
    }

    static ObjectNode medir(Path home, Path jar, Path realmDir, Path trabajo, int cambios) throws Exception {
        String drenado = System.getProperty("bench.senalesDrenado", "30s");
        Duration intervalo = drenado.endsWith("ms") ? Duration.ofMillis(Long.parseLong(drenado.replace("ms", "")))
                : Duration.ofSeconds(Long.parseLong(drenado.replace("s", "")));
        int puerto = KeycloakServer.freePort();
        KeycloakServer.install(home, jar, realmDir);
        KeycloakServer.deleteTree(home.resolve("data/h2"));
        KeycloakServer.build(home, List.of("--db=dev-file", "--cache=local", KeycloakServer.FUNCIONES), trabajo.resolve("senales-build.log"));
        Map<String, String> env = new LinkedHashMap<>(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "KC_SPI_SSF_TRANSMITTER__DEFAULT__ALLOW_INSECURE_PUSH_TARGETS", "true", // the receiver is this JVM, on loopback
                "KC_SPI_SSF_TRANSMITTER__DEFAULT__OUTBOX_DRAINER_INTERVAL", drenado,
                KeycloakServer.PADRON_PATH_VARIABLE, realmDir.resolve("padron-demo.json").toString()));
        Benchmark.log("Signals: kc.sh start --optimized --features=ssf, outbox drained every %s, %d level changes", drenado, cambios);
        try (KeycloakServer server = KeycloakServer.run(home, URI.create("http://localhost:" + puerto + "/"),
                List.of("start", "--optimized", "--import-realm", "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                        "--http-port=" + puerto, "--http-management-port=" + KeycloakServer.freePort(), "--log-level=INFO",
                        KeycloakServer.SIN_ALTA_DE_SUJETOS),
                env, false, ProcessBuilder.Redirect.to(trabajo.resolve("senales-keycloak.log").toFile())).awaitRealm(Duration.ofMinutes(6));
             ReceptorSenales receptor = new ReceptorSenales(server)) {
            ReceptorSenales.App empujada = receptor.app("bench-senales-push", true);
            ReceptorSenales.App consultada = receptor.app("bench-senales-poll", false);
            AdminApi admin = new AdminApi(server);
            String cuil = CuilsDePrueba.nuevo();
            HttpResponse<String> creado = admin.postRaw("users", """
                    {"username": "%s", "enabled": true, "firstName": "Banco", "lastName": "Senales", "attributes": {"dni": ["%s"], "nivel": ["2"]}}
                    """.formatted(cuil, CuilsDePrueba.dni(cuil)));
            if (creado.statusCode() != 201) {
                throw new IllegalStateException("user: " + creado.statusCode() + " " + creado.body());
            }
            String id = admin.userId(cuil);
            for (String app : List.of(empujada.clientId, consultada.clientId)) { // as a login through the app would tag her
                admin.postRaw("ssf/clients/" + app + "/subjects/add", "{\"type\": \"user-id\", \"value\": \"" + id + "\"}");
            }
            List<Double> push = new ArrayList<>();
            List<Double> poll = new ArrayList<>();
            int nivel = 2;
            for (int i = 0; i < cambios; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(intervalo.toMillis()));
                nivel = 5 - nivel;
                String esperado = String.valueOf(nivel);
                long antes = System.nanoTime();
                HttpResponse<String> cambio = new AdminApi(server).putRaw("anses-nivel/" + cuil, "{\"nivel\": " + nivel + "}");
                if (cambio.statusCode() != 204) {
                    throw new IllegalStateException("level: " + cambio.statusCode() + " " + cambio.body());
                }
                consultada.esperar(id, s -> esperado.equals(s.evento().path("current_level").asText()), Duration.ofMinutes(2));
                poll.add((System.nanoTime() - antes) / 1e9);
                empujada.esperar(id, s -> esperado.equals(s.evento().path("current_level").asText()), Duration.ofMinutes(2));
                push.add((System.nanoTime() - antes) / 1e9);
                Benchmark.log("Signals: change %d, poll %.2f s, push %.2f s", i + 1, poll.get(i), push.get(i));
            }
            ObjectNode r = Admin.JSON.createObjectNode().put("drenado", drenado).put("cambios", cambios);
            r.set("push", resumen(push));
            r.set("poll", resumen(poll));
            return r;
        }
    }

    private static ObjectNode resumen(List<Double> segundos) {
        List<Double> orden = segundos.stream().sorted().toList();
        return Admin.JSON.createObjectNode().put("p50", orden.get(orden.size() / 2)).put("p95", orden.get((int) Math.ceil(orden.size() * 0.95) - 1))
                .put("max", orden.get(orden.size() - 1)).put("min", orden.get(0));
    }
}
