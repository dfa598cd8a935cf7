package ar.gob.anses.clavess.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback source addresses of their own (127.20.x.y: Linux routes all of 127/8 to the loopback), so that what the
 * server counts per client address (Crear clave's limit of 30 CUILs an hour from one address, events by ipAddress) is
 * never shared between classes, whatever order they run in. {@link LoginPage#browser()} connects from its test class's
 * address ({@link #deLaClase}); a test that needs a budget of its own asks for {@link #nueva()}. Chromium cannot be
 * told a source address: it connects from 127.0.0.1, which no HtmlUnit browser uses, so the Chromium classes share
 * that one budget (fewer than 30 CUILs in all; CONTRIBUTING's table).
 */
public final class DireccionesDePrueba {

    private static final AtomicInteger SIGUIENTE = new AtomicInteger(1);
    private static final Map<String, InetAddress> POR_CLASE = new ConcurrentHashMap<>();

    private DireccionesDePrueba() {
    }

    /** An address no one else in the run is given. */
    public static InetAddress nueva() {
        int n = SIGUIENTE.getAndIncrement();
        try {
            return InetAddress.getByName("127.20." + (n / 250) + "." + (n % 250 + 1));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one address of a test class (a nested class counts as its outer class), the same on every call. */
    public static InetAddress deLaClase(Class<?> clase) {
        Class<?> exterior = clase;
        while (exterior.getEnclosingClass() != null) {
            exterior = exterior.getEnclosingClass();
        }
        return POR_CLASE.computeIfAbsent(exterior.getName(), nombre -> nueva());
    }

    /**
     * The address of the test class that is calling (the first {@code …IT} or {@code …Test} class on the stack,
     * lambdas included), or null outside a test: the system's choice.
     */
    public static InetAddress delQueLlama() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(DireccionesDePrueba::esDePrueba).findFirst())
                .map(DireccionesDePrueba::deLaClase).orElse(null);
    }

    private static boolean esDePrueba(Class<?> clase) {
        Class<?> exterior = clase;
        while (exterior.getEnclosingClass() != null) {
            exterior = exterior.getEnclosingClass();
        }
        String nombre = exterior.getSimpleName();
        return !exterior.getPackageName().endsWith(".testsupport") && (nombre.endsWith("IT") || nombre.endsWith("Test"));
    }
}
