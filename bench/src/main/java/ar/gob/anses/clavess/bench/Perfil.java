package ar.gob.anses.clavess.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** A JDK Flight Recorder recording of the server's JVM around one piece of load, started and stopped with jcmd. */
final class Perfil {

    @FunctionalInterface
    interface Tarea {
        void correr() throws Exception;
    }

    private Perfil() {
    }

    static void grabar(long pid, Path archivo, Tarea carga) throws Exception {
        Files.createDirectories(archivo.toAbsolutePath().getParent());
        jcmd(pid, "JFR.start", "name=bench", "settings=" + ajustes(), "filename=" + archivo.toAbsolutePath());
        try {
            carga.correr();
        } finally {
            jcmd(pid, "JFR.stop", "name=bench");
        }
        Benchmark.log("Profile: %s (jfr print --events jdk.ExecutionSample)", archivo.toAbsolutePath());
    }

    /**
     * The JDK's "profile" settings, or a copy of them sampling Java code every {@code -Dbench.profilePeriod} (e.g. "1ms"
     * instead of 10 ms), for telling apart costs of a fraction of a millisecond per request. JDK 17's sampler walks only a
     * few threads per pass: at 1 ms it gave about twice the samples per second (130 against 63), not ten times.
     */
    private static String ajustes() throws IOException {
        String periodo = System.getProperty("bench.profilePeriod", "");
        if (periodo.isBlank()) {
            return "profile";
        }
        Path jfc = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String texto = Files.readString(jfc).replace("<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
                "<setting name=\"period\" control=\"method-sampling-java-interval\">" + periodo.strip() + "</setting>");
        Path copia = Files.createTempFile("bench-profile", ".jfc");
        Files.writeString(copia, texto);
        return copia.toAbsolutePath().toString();
    }

    private static void jcmd(long pid, String... argumentos) throws IOException, InterruptedException {
        String[] comando = new String[argumentos.length + 2];
        comando[0] = "jcmd";
        comando[1] = String.valueOf(pid);
        System.arraycopy(argumentos, 0, comando, 2, argumentos.length);
        Process proceso = new ProcessBuilder(comando).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (proceso.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", argumentos) + " failed");
        }
    }

    /** What a recording says: samples, the share with our code on the stack, the top frames (self) and our frames (inclusive). */
    record Resumen(long muestras, double nuestro, Map<String, Double> propios, Map<String, Double> nuestros) {
    }

    static Resumen resumir(Path archivo, int cuantos) throws IOException {
        Map<String, Long> propios = new HashMap<>();
        Map<String, Long> nuestros = new HashMap<>();
        long muestras = 0;
        long conNuestro = 0;
        for (RecordedEvent evento : RecordingFile.readAllEvents(archivo)) {
            if (!evento.getEventType().getName().equals("jdk.ExecutionSample") || evento.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = evento.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            muestras++;
            propios.merge(nombre(frames.get(0)), 1L, Long::sum);
            Set<String> vistos = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String n = nombre(frame);
                if (n.startsWith("ar.gob.anses.") && vistos.add(n)) {
                    nuestros.merge(n, 1L, Long::sum);
                }
            }
            conNuestro += vistos.isEmpty() ? 0 : 1;
        }
        return new Resumen(muestras, muestras == 0 ? 0 : (double) conNuestro / muestras, top(propios, muestras, cuantos), top(nuestros, muestras, cuantos));
    }

    private static String nombre(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Double> top(Map<String, Long> cuentas, long total, int cuantos) {
        Map<String, Double> top = new LinkedHashMap<>();
        cuentas.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(cuantos)
                .forEach(e -> top.put(e.getKey(), (double) e.getValue() / total));
        return top;
    }
}
