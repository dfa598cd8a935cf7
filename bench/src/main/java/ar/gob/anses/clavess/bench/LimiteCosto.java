package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.verificacion.VentanaPorMinutos;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Crear clave submission costs the per-address limit outside the database, at a given limit: the row's
 * window parsed from its text, judged and counted, written back as text, on a window already holding the limit
 * spread over the hour (the worst case: every counter set). The database side (one row locked, read, written) is
 * the same whatever the limit.
 */
final class LimiteCosto {

    record Fila(int limite, double nanos, int bytes) {
    }

    private LimiteCosto() {
    }

    static List<Fila> medir(int... limites) {
        List<Fila> filas = new ArrayList<>();
        for (int limite : limites) {
            long t0 = 1_800_000_000L;
            VentanaPorMinutos ventana = VentanaPorMinutos.vacia();
            for (int i = 0; i < limite - 1; i++) { // one short of the limit, spread over the last hour
                ventana = ventana.admitir(t0 + (long) i * 3540 / limite, limite).orElseThrow();
            }
            String texto = ventana.texto();
            long minuto = ventana.minuto();
            long ahora = t0 + 3540;
            int vueltas = 200_000;
            long suma = 0;
            long inicio = 0;
            for (int ronda = 0; ronda < 2; ronda++) { // the first round warms the JIT up
                inicio = System.nanoTime();
                for (int i = 0; i < vueltas; i++) {
                    VentanaPorMinutos otra = VentanaPorMinutos.de(texto, minuto).admitir(ahora, limite).orElseThrow();
                    suma += otra.texto().length();
                }
            }
            double nanos = (System.nanoTime() - inicio) / (double) vueltas;
            int bytes = VentanaPorMinutos.de(texto, minuto).admitir(ahora, limite).orElseThrow().texto().length() + 8 + 8;
            Benchmark.log("Per-address limit %,d an hour: %.0f ns per submission, %d bytes of window in the row (%d)", limite, nanos, bytes,
                    suma % 7);
            filas.add(new Fila(limite, nanos, bytes));
        }
        return filas;
    }
}
