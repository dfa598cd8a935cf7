package ar.gob.anses.clavess.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid CUILs (check digit and all) that no one else in the run is given: a test that creates a citizen takes a new
 * one per call, so no two classes (and no two tests) ever touch the same account, whatever order they run in. They
 * come from DNIs 95 000 000 upward, a range neither the demo users nor the demo padrón use (CONTRIBUTING, "Tests in
 * any order"); each run's database is fresh, so a counter per JVM is enough. Not in the padrón: a test that needs a
 * padrón person (Crear clave) uses one of its own from padron-demo.json, as CONTRIBUTING's table lists.
 */
public final class CuilsDePrueba {

    /** The first DNI given; the demo padrón's and users' DNIs are all below 50 000 000. */
    public static final int PRIMER_DNI = 95_000_000;

    private static final int[] PESOS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final AtomicInteger SIGUIENTE = new AtomicInteger(PRIMER_DNI);

    private CuilsDePrueba() {
    }

    /** A new man's CUIL (prefix 20), 11 digits. */
    public static String nuevo() {
        return nuevo("20");
    }

    /** A new woman's CUIL (prefix 27), 11 digits. */
    public static String nueva() {
        return nuevo("27");
    }

    /** The DNI inside a CUIL: its 8 middle digits. */
    public static String dni(String cuil) {
        return cuil.substring(2, 10);
    }

    /** As a citizen types it with dashes: 20-95000001-7. */
    public static String conGuiones(String cuil) {
        return cuil.substring(0, 2) + "-" + cuil.substring(2, 10) + "-" + cuil.substring(10);
    }

    /** The same CUIL with another (wrong) check digit: a typo that names nobody. */
    public static String conOtroDigito(String cuil) {
        int dv = cuil.charAt(10) - '0';
        return cuil.substring(0, 10) + (dv + 1) % 10;
    }

    private static String nuevo(String prefijo) {
        while (true) {
            String diez = prefijo + SIGUIENTE.getAndIncrement();
            int dv = digitoVerificador(diez);
            if (dv < 10) { // a DNI whose check digit would be 10 takes prefix 23/24 in real life: skipped here
                return diez + dv;
            }
        }
    }

    /** Modulo 11 over the first ten digits, as {@code Cuil.digitoVerificador}; 10 when none fits. */
    static int digitoVerificador(String diez) {
        int suma = 0;
        for (int i = 0; i < 10; i++) {
            suma += (diez.charAt(i) - '0') * PESOS[i];
        }
        int dv = 11 - suma % 11;
        return dv == 11 ? 0 : dv;
    }
}
