package ar.gob.anses.clavess.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What some tests need beyond Java and Maven: Chromium with its chromedriver ({@code @ExtendWith(Requisitos.Chromium.class)})
 * and PostgreSQL ({@code @ExtendWith(Requisitos.Postgres.class)}). Missing, each such test is reported skipped and
 * the run prints one line saying what to install; with -Dbrowser.required=true or -Dpostgres.required=true (as CI
 * runs) it fails instead, so that nothing is skipped there unnoticed.
 */
public final class Requisitos {

    /** Where the tests find PostgreSQL: trust auth for user root on the local cluster, as .ci/run starts it. */
    public static final String POSTGRES_URL = System.getProperty("postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("postgres.user", "root");

    private static final Set<String> DICHOS = ConcurrentHashMap.newKeySet();

    private Requisitos() {
    }

    public static String chromiumBinary() {
        return System.getProperty("chromium.binary", "/usr/bin/chromium");
    }

    public static String chromedriver() {
        return System.getProperty("chromedriver", "/usr/bin/chromedriver");
    }

    /** Runs the test only where Chromium and chromedriver are. */
    public static final class Chromium implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return evaluar("browser.required", Stream.of(chromiumBinary(), chromedriver())
                    .filter(programa -> !Files.isExecutable(Path.of(programa))).findFirst()
                    .map(programa -> "Chromium or chromedriver not found at " + programa + " (browser tests). Install "
                            + "Debian's chromium and chromium-driver, or point -Dchromium.binary=… and -Dchromedriver=… at them."));
        }
    }

    /** Runs the test only where PostgreSQL answers at {@link #POSTGRES_URL}. */
    public static final class Postgres implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return evaluar("postgres.required", postgresFalta());
        }
    }

    /** Why PostgreSQL cannot be used here, or empty when it answers at {@link #POSTGRES_URL}. */
    static Optional<String> postgresFalta() {
        URI uri = URI.create(POSTGRES_URL.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("PostgreSQL does not answer at " + uri.getHost() + ":" + port
                    + " (PostgreSQL tests). Start it (trust auth for user " + POSTGRES_USER + ", database test; "
                    + ".ci/run shows how) or point -Dpostgres.url=… at one.");
        }
    }

    private static ConditionEvaluationResult evaluar(String requerido, Optional<String> falta) {
        if (falta.isEmpty()) {
            return ConditionEvaluationResult.enabled("available");
        }
        if (Boolean.getBoolean(requerido)) {
            throw new IllegalStateException(falta.get() + " Required here (-D" + requerido + "=true).");
        }
        String saltada = falta.get() + " Skipped (-D" + requerido + "=true makes this a failure).";
        if (DICHOS.add(saltada)) {
            System.err.println("[clave-ss] " + saltada);
        }
        return ConditionEvaluationResult.disabled(saltada);
    }
}
