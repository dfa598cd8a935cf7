package ar.gob.anses.clavess.testsupport;

import ar.gob.anses.clavess.testsupport.reloj.RelojResourceProviderFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Keycloak distribution (the keycloak-quarkus-dist zip, unpacked by Maven) carrying our jar and the
 * realm export. The one way this project starts Keycloak: the tests and {@code mvn -Prun} both use it.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "anses";
    /**
     * The Keycloak features {@code mvn -Prun}, {@code mvn -Pcluster} and the tests turn on: Shared Signals ({@code ssf},
     * experimental in 26.7.3), so that apps hear of account changes. Deployers choose it themselves (README).
     */
    public static final String FUNCIONES = "--features=ssf";
    /**
     * Keycloak's Shared Signals subject management, off for every server we start ({@link #SIN_ALTA_DE_SUJETOS}; the
     * cluster's and docker-compose.yml's nodes through {@code KeycloakCluster.OPCIONES}): on, any receiving app with
     * {@code ssf.manage} could add any citizen as its subject by email or id and hear her signals. An app hears only of
     * the citizens who logged in to it ({@code ssf.autoNotifyOnLogin}).
     */
    public static final String OPCION_ALTA_DE_SUJETOS = "spi-ssf-transmitter--default--subject-management-enabled";
    public static final String SIN_ALTA_DE_SUJETOS = "--" + OPCION_ALTA_DE_SUJETOS + "=false";

    /** The SPI option --spi-anses-padron--json-file--path as a variable. */
    public static final String PADRON_PATH_VARIABLE = "KC_SPI_ANSES_PADRON__JSON_FILE__PATH";
    /** The SPI option --spi-anses-claves-legadas--json-file--path as a variable: the demo's claves of the former system. */
    public static final String LEGADAS_PATH_VARIABLE = "KC_SPI_ANSES_CLAVES_LEGADAS__JSON_FILE__PATH";
    public static final String LEGADAS_DEMO = "claves-legadas-demo.json";

    /**
     * start-dev's H2 writes a commit to disk up to half a second later (its WRITE_DELAY): a kill -9 would
     * lose accounts and counted attempts the citizen was already told about. With 0, H2 writes every
     * commit before the transaction ends. And parallel requests of one CUIL queue on its row (almacen.FilaBloqueada):
     * H2 gives up waiting for a row lock after one second by default, which a busy 2-core machine passes while the
     * holder commits (the tries then got "saturado"); PostgreSQL, the production database, waits. Ten seconds here.
     */
    static final String H2_DURABLE = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    private static final String TEST_CLOCK_JAR = "anses-test-reloj.jar";
    private static final String DEV_FILE = "dev-file";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessBuilder builder;
    private final URI baseUri;
    /** The public URL (--hostname) when it is not this server's own, as for a node behind a load balancer. */
    private URI publicBaseUri;
    /** Replaced by each (re)start; volatile: a shutdown hook may stop the server while another thread restarts it. */
    private volatile Process process;
    /** The offset this JVM's test clock was last set to (0 after a start: a new JVM has none). */
    private volatile long desfase;

    private KeycloakServer(ProcessBuilder builder, URI baseUri) {
        this.builder = builder;
        this.baseUri = baseUri;
        launch();
    }

    private void launch() {
        try {
            desfase = 0;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak in " + builder.directory(), e);
        }
    }

    /** Stops the server and starts it again with the same options and database: what survives a restart. */
    public KeycloakServer restart(Duration timeout) {
        startAgain();
        return awaitRealm(timeout);
    }

    /**
     * Stops the server if it still runs and starts it again with the same command, options and output, without
     * waiting for it to be ready (see {@link #awaitRealm}).
     */
    public void startAgain() {
        close();
        launch();
    }

    /** The exit status of the server's current process when it ends (a later {@link #startAgain} is another process). */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The folder the server runs in (its distribution copy). */
    public Path home() {
        return builder.directory().toPath();
    }

    /**
     * A shell command that starts this server as {@link #startAgain} does (same folder, command, options, KC_*
     * variables and log), for a person to paste into another terminal.
     */
    public String commandLine() {
        StringBuilder line = new StringBuilder("cd ").append(quoted(builder.directory().toString())).append(" && env");
        builder.environment().entrySet().stream().filter(e -> e.getKey().startsWith("KC_")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(quoted(e.getValue())));
        builder.command().forEach(word -> line.append(' ').append(quoted(word)));
        ProcessBuilder.Redirect output = builder.redirectOutput();
        if (output.file() != null) {
            line.append(output.type() == ProcessBuilder.Redirect.Type.APPEND ? " >> " : " > ")
                    .append(quoted(output.file().getAbsolutePath())).append(" 2>&1");
        }
        return line.toString();
    }

    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * kill -9 of Keycloak's JVM, as a crash or an out-of-memory killer would, then a start with the same
     * options and database: what survives a crash.
     */
    public KeycloakServer crashAndRestart(Duration timeout) {
        // kc.sh execs the server's JVM, so the process is that JVM. SIGKILL: no shutdown hook, no last flush.
        Stream.concat(Stream.of(process.toHandle()), process.descendants()).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak to die", e);
        }
        // A crash does not turn back the real clock: the restarted server gets the test clock where the suite had
        // moved it, or what was written by Keycloak's clock before the crash (a notice's next try) would lie ahead of it.
        long antes = desfase;
        launch();
        KeycloakServer listo = awaitRealm(timeout);
        if (antes != 0) {
            setTimeOffset(antes);
        }
        return listo;
    }

    /**
     * Puts the providers jar into providers/, the realm export (anses-*.json: realm and demo users) into
     * data/import/ and the password denylist into data/password-blacklists/. The realm written there is
     * anses-realm.json plus the clients of demo/*.json: the deployable realm ships no demo client (no
     * localhost redirect, no known secret), and Keycloak's folder import reads only {@code <realm>-realm.json}
     * and {@code <realm>-users-N.json}, so the demo clients are merged into the realm file itself.
     */
    public static void install(Path home, Path providersJar, Path realmDir) {
        try {
            Files.deleteIfExists(home.resolve("providers").resolve(TEST_CLOCK_JAR)); // only installTestClock puts it there
            Files.copy(providersJar, home.resolve("providers").resolve(providersJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            try (Stream<Path> realms = Files.list(realmDir)) {
                for (Path realm : (Iterable<Path>) realms.filter(p -> p.getFileName().toString().startsWith(REALM + "-"))::iterator) {
                    Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path realmFile = importDir.resolve(REALM + "-realm.json");
            ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
            ArrayNode clients = realm.withArray("clients");
            for (JsonNode client : demoClients(realmDir)) {
                clients.add(client);
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(realmFile.toFile(), realm);
            Path denylists = Files.createDirectories(home.resolve("data/password-blacklists"));
            try (Stream<Path> lists = Files.list(realmDir.resolve("password-blacklists"))) {
                for (Path list : (Iterable<Path>) lists::iterator) {
                    Files.copy(list, denylists.resolve(list.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install into " + home, e);
        }
    }

    /**
     * Adds to providers/ a jar of the test clock ({@link RelojResourceProviderFactory}), built from the compiled test
     * classes: the tests' server only, never {@code mvn -Prun} or a deployment ({@link #install} removes it).
     */
    public static void installTestClock(Path home) {
        Class<?> factory = RelojResourceProviderFactory.class;
        String paquete = factory.getPackageName().replace('.', '/');
        try {
            Path classes = Path.of(factory.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(home.resolve("providers").resolve(TEST_CLOCK_JAR)));
                 Stream<Path> files = Files.list(classes.resolve(paquete))) {
                for (Path clase : (Iterable<Path>) files::iterator) {
                    jar.putNextEntry(new JarEntry(paquete + "/" + clase.getFileName()));
                    jar.write(Files.readAllBytes(clase));
                    jar.closeEntry();
                }
                jar.putNextEntry(new JarEntry("META-INF/services/org.keycloak.services.resource.RealmResourceProviderFactory"));
                jar.write((factory.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot install the test clock into " + home, e);
        }
    }

    /** Keycloak's time offset now (seconds), as this class set it: a test that moves the clock puts it back to this. */
    public long timeOffset() {
        return desfase;
    }

    /** Now as Keycloak's clock reads it (the real time plus the offset the tests moved it by), for times it writes. */
    public Instant ahora() {
        return Instant.now().plusSeconds(desfase);
    }

    /**
     * Moves Keycloak's clock forward (never back: what others made keeps its order), instead of sleeping while
     * Keycloak waits, e.g. past the realm's quick-login check (1 s between failures).
     */
    public void adelantarReloj(Duration cuanto) {
        setTimeOffset(desfase + Math.max(1, cuanto.toSeconds()));
    }

    /** Sets Keycloak's time offset (seconds; 0 is the real time) through the test clock. */
    public void setTimeOffset(long segundos) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            baseUri.resolve("realms/master/" + RelojResourceProviderFactory.ID + "/" + segundos))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("the test clock answered " + response.statusCode() + ": is installTestClock in place?");
            }
            desfase = segundos;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The clients of realmDir/demo/*.json ({@code {"clients": [...]}}): local runs and tests only. */
    public static List<JsonNode> demoClients(Path realmDir) throws IOException {
        Path demo = realmDir.resolve("demo");
        List<JsonNode> clients = new ArrayList<>();
        if (!Files.isDirectory(demo)) {
            return clients;
        }
        try (Stream<Path> files = Files.list(demo)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                JSON.readTree(file.toFile()).path("clients").forEach(clients::add);
            }
        }
        return clients;
    }

    /**
     * Starts {@code kc.sh start-dev --import-realm} plus {@code options}. With {@code callerConfigWins} the
     * caller's KC_* variables override {@code env} (a developer's run); without, they are dropped so that
     * a developer's shell cannot change what the tests run against.
     */
    public static KeycloakServer start(Path home, URI baseUri, List<String> options, Map<String, String> env,
                                       boolean callerConfigWins, ProcessBuilder.Redirect output) {
        List<String> arguments = new ArrayList<>(List.of("start-dev", "--import-realm"));
        arguments.addAll(options);
        Map<String, String> environment = new HashMap<>(env);
        String db = options.stream().filter(o -> o.startsWith("--db=")).map(o -> o.substring("--db=".length())).findFirst()
                .orElse(callerConfigWins ? System.getenv().getOrDefault("KC_DB", DEV_FILE) : DEV_FILE);
        if (db.equals(DEV_FILE)) {
            environment.putIfAbsent("KC_DB_URL_PROPERTIES", H2_DURABLE);
        }
        return run(home, baseUri, arguments, environment, callerConfigWins, output);
    }

    /** {@code kc.sh} with the given command and options, as {@link #start} does; the benchmark runs {@code start --optimized}. */
    public static KeycloakServer run(Path home, URI baseUri, List<String> kcArguments, Map<String, String> env,
                                     boolean callerConfigWins, ProcessBuilder.Redirect output) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(kcArguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).redirectOutput(output);
        if (callerConfigWins) {
            env.forEach(builder.environment()::putIfAbsent);
        } else {
            builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
            builder.environment().putAll(env);
        }
        return new KeycloakServer(builder, baseUri);
    }

    /**
     * {@code kc.sh build} with {@code options} (production mode: {@code start --optimized} then runs what was built),
     * its output in {@code log}. The caller's KC_* variables are dropped: the build is what the options say.
     */
    public static void build(Path home, List<String> options, Path log) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
        try {
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + status + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A TCP port nobody listens on now (the system picks it), for a server's HTTP or management port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it (a previous run's database or distribution copy); nothing if absent. */
    public static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** Waits until the realm answers, or fails if the server exits or the time runs out. */
    public KeycloakServer awaitRealm(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(realmUri()).timeout(Duration.ofSeconds(5)).build();
        try {
            Espera.esperarHasta("Keycloak serving realm " + REALM, timeout, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with status " + process.exitValue() + " before it was ready");
                }
                try {
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false; // not listening yet
                }
            });
            return this;
        } catch (AssertionError e) {
            close();
            throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The management interface ({@code --http-management-port}: health, metrics), on the HTTP host; null if not set. */
    public URI managementUri() {
        return builder.command().stream().filter(o -> o.startsWith("--http-management-port=")).findFirst()
                .map(o -> URI.create("http://127.0.0.1:" + o.substring("--http-management-port=".length()) + "/"))
                .orElse(null);
    }

    /** The management interface's Prometheus text ({@code --metrics-enabled=true}), one metric a line. */
    public String metrics() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(managementUri().resolve("metrics"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /metrics answered " + response.statusCode() + ": is --metrics-enabled=true set?");
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI realmUri() {
        return baseUri.resolve("realms/" + REALM);
    }

    /** The realm as its tokens name it (the issuer): the public URL's, which for a cluster node is not its own. */
    public URI publicRealmUri() {
        return (publicBaseUri == null ? baseUri : publicBaseUri).resolve("realms/" + REALM);
    }

    /** Says that the server runs with {@code --hostname=publicBaseUri}: a node of a cluster behind one address. */
    public KeycloakServer behind(URI publicBaseUri) {
        this.publicBaseUri = publicBaseUri;
        return this;
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGTERM (kc.sh forwards it to the JVM), then, if it lingers, kill the whole process tree. */
    @Override
    public void close() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        tree.forEach(p -> p.onExit().join());
    }

}
