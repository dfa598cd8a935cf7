package ar.gob.anses.clavess.verificacion;

import java.util.Arrays;
import java.util.Optional;

/**
 * A sliding window of one hour kept as counters per clock minute: {@value #CUBETAS} of them, a ring indexed by
 * the minute, so its size and the work of one event do not depend on the limit (a list of instants grows with it).
 *
 * <p>The window at second {@code t} counts every admitted event of the minute of {@code t} and of the
 * {@value #CUBETAS} − 1 minutes before it: all of the last hour, and up to one minute more. So an event is
 * forgotten between 60 and 61 minutes after it was admitted, never earlier: at most {@code limite} events are
 * admitted in any span of an hour, whenever it starts (the window never resets on the hour), and a full window
 * opens a slot at most one minute later than an exact one would. A refused event is not counted.
 */
public final class VentanaPorMinutos {

    /** Minutes kept: one hour and the minute in progress. */
    public static final int CUBETAS = 61;
    /** The largest limit an hour: each counter is at most this, so the stored text stays under {@link #LARGO_MAXIMO}. */
    public static final int LIMITE_MAXIMO = 100_000;
    /** The longest stored text: {@value #CUBETAS} counters of up to 6 digits and their commas. */
    public static final int LARGO_MAXIMO = CUBETAS * 7 - 1;
    /** The largest counter of {@link #sumar}: 15 digits, so 61 of them and their commas fit the 1024 characters of the column. */
    static final long CUENTA_MAXIMA = 999_999_999_999_999L;

    private final long[] cuentas; // cuentas[minuto mod CUBETAS], never changed once the window is returned
    private final long minuto; // the newest minute counted (epoch minute); the ring holds minuto - CUBETAS + 1 .. minuto

    private VentanaPorMinutos(long[] cuentas, long minuto) {
        this.cuentas = cuentas;
        this.minuto = minuto;
    }

    public static VentanaPorMinutos vacia() {
        return new VentanaPorMinutos(new long[CUBETAS], 0);
    }

    /** The window as stored: the counters in ring order, commas between, trailing zeros left out; and its newest minute. */
    public static VentanaPorMinutos de(String texto, long minuto) {
        long[] cuentas = new long[CUBETAS];
        if (texto != null && !texto.isBlank()) {
            String[] partes = texto.split(",", CUBETAS);
            for (int i = 0; i < partes.length; i++) {
                cuentas[i] = Long.parseLong(partes[i].strip());
            }
        }
        return new VentanaPorMinutos(cuentas, minuto);
    }

    /** The counters as stored; "0" when all are zero (never empty: some databases store '' as NULL). */
    public String texto() {
        int fin = CUBETAS;
        while (fin > 1 && cuentas[fin - 1] == 0) {
            fin--;
        }
        StringBuilder texto = new StringBuilder(fin * 3);
        for (int i = 0; i < fin; i++) {
            if (i > 0) {
                texto.append(',');
            }
            texto.append(cuentas[i]);
        }
        return texto.toString();
    }

    public long minuto() {
        return minuto;
    }

    /** Events counted at epoch second {@code ahora}. */
    public long enVentana(long ahora) {
        return alMinuto(ahora / 60).total();
    }

    /**
     * The window with an event at epoch second {@code ahora}, or empty when {@code limite} events are already in it
     * (then nothing is counted). At most {@value #CUBETAS} counters are read and cleared, whatever the limit.
     */
    public Optional<VentanaPorMinutos> admitir(long ahora, int limite) {
        VentanaPorMinutos actual = alMinuto(ahora / 60);
        if (actual.total() >= limite) {
            return Optional.empty();
        }
        actual.cuentas[Math.floorMod(actual.minuto, CUBETAS)]++;
        return Optional.of(actual);
    }

    /**
     * The window with {@code n} more events at epoch second {@code ahora}, whatever the total: a count, not a limit (the
     * realm's failed logins). A counter stays under 16 digits, which the column holds 61 of.
     */
    public VentanaPorMinutos sumar(long ahora, long n) {
        VentanaPorMinutos actual = alMinuto(ahora / 60);
        int i = Math.floorMod(actual.minuto, CUBETAS);
        actual.cuentas[i] = Math.min(actual.cuentas[i] + Math.max(0, n), CUENTA_MAXIMA);
        return actual;
    }

    /**
     * The window at {@code ahora} without one event admitted at epoch second {@code cuando} (a charge given back, moments
     * later): one counter goes down by one, that of {@code cuando}'s minute if it holds any, else the nearest newer one,
     * else the nearest older one. So the unit always comes off, also where the charge went into a newer minute than its
     * own (it was counted in the window's newest minute because a clock, this node's or another's, was behind it). Nothing
     * changes only if the window is empty.
     */
    public VentanaPorMinutos devolver(long ahora, long cuando) {
        VentanaPorMinutos actual = alMinuto(ahora / 60);
        long desde = cuando / 60;
        if (desde > actual.minuto || desde <= actual.minuto - CUBETAS) {
            desde = actual.minuto;
        }
        for (long m = desde; m <= actual.minuto; m++) {
            if (actual.quitarUno(m)) {
                return actual;
            }
        }
        for (long m = desde - 1; m > actual.minuto - CUBETAS; m--) {
            if (actual.quitarUno(m)) {
                return actual;
            }
        }
        return actual;
    }

    private boolean quitarUno(long minutoDelAnillo) {
        int i = Math.floorMod(minutoDelAnillo, CUBETAS);
        if (cuentas[i] == 0) {
            return false;
        }
        cuentas[i]--;
        return true;
    }

    /**
     * The first epoch second, from {@code ahora} on, at which the window holds fewer than {@code limite} events if none
     * is added: when its oldest minutes are forgotten (a minute {@code m} is out of the window from minute
     * {@code m + }{@value #CUBETAS} on).
     */
    public long libreDesde(long ahora, int limite) {
        VentanaPorMinutos actual = alMinuto(ahora / 60);
        long total = actual.total();
        for (long m = actual.minuto - CUBETAS + 1; total >= limite && m <= actual.minuto; m++) {
            total -= actual.cuentas[Math.floorMod(m, CUBETAS)];
            if (total < limite) {
                return Math.max(ahora, (m + CUBETAS) * 60);
            }
        }
        return ahora;
    }

    /** The window with its oldest minutes cleared up to {@code ahora} (a clock behind the newest minute counts in it). */
    private VentanaPorMinutos alMinuto(long ahora) {
        long[] copia = Arrays.copyOf(cuentas, CUBETAS);
        if (ahora <= minuto) {
            return new VentanaPorMinutos(copia, minuto);
        }
        if (ahora - minuto >= CUBETAS) {
            Arrays.fill(copia, 0);
        } else {
            for (long m = minuto + 1; m <= ahora; m++) {
                copia[Math.floorMod(m, CUBETAS)] = 0;
            }
        }
        return new VentanaPorMinutos(copia, ahora);
    }

    private long total() {
        long total = 0;
        for (long cuenta : cuentas) {
            total += cuenta;
        }
        return total;
    }
}
