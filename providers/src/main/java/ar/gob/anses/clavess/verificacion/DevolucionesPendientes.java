package ar.gob.anses.clavess.verificacion;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Units this node owes back to client addresses: each was charged before an attempt was judged and the attempt turned
 * out not to count (the login's right clave). They go back in the address's next charge on this node, in the same row
 * update ({@link LimitePorDireccionStore#cobrar(String, long, int, DevolucionesPendientes)}), so a right login costs one
 * short transaction instead of two.
 *
 * <p>Why owing is safe: until a unit is given back the address looks as if it had failed once more, never less; so a
 * unit that is lost (the node stops, the address never comes back to this node, the table below is full) can only ask
 * that address for the proof of work sooner, never let it spend more than its budget. Every charge of the address on
 * this node takes everything owed to it, so what another node sees missing is at most the attempts in flight here.
 */
public final class DevolucionesPendientes {

    /** Addresses owed at once; past it, a new one's unit is not remembered (see the class comment: that is safe). */
    static final int MAXIMO_DIRECCIONES = 100_000;
    /** Units owed to one address at once (one per right login since its last charge here); more are not remembered. */
    static final int MAXIMO_POR_DIRECCION = 256;

    private static final long[] NADA = new long[0];

    // Address as counted (LimitePorDireccionStore.clave) -> epoch seconds of the charges owed back.
    private final ConcurrentMap<String, long[]> debidas = new ConcurrentHashMap<>();

    /** The unit charged to {@code direccion} at {@code cobradoEn} goes back at its next charge on this node. */
    public void anotar(String direccion, long cobradoEn) {
        String clave = LimitePorDireccionStore.clave(direccion);
        if (debidas.size() >= MAXIMO_DIRECCIONES && !debidas.containsKey(clave)) {
            olvidarVencidas(cobradoEn);
            if (debidas.size() >= MAXIMO_DIRECCIONES) {
                return;
            }
        }
        deber(clave, cobradoEn);
    }

    /** Everything owed to the address {@code clave}, no longer owed (the caller gives it back, or {@link #restituir}s it). */
    long[] tomar(String clave) {
        long[] owed = debidas.remove(clave);
        return owed == null ? NADA : owed;
    }

    /** Units taken by {@link #tomar} that could not be given back (the charge's transaction failed): owed again. */
    void restituir(String clave, long[] cuando) {
        for (long t : cuando) {
            deber(clave, t);
        }
    }

    private void deber(String clave, long cobradoEn) {
        debidas.merge(clave, new long[] {cobradoEn}, (antes, nueva) -> antes.length >= MAXIMO_POR_DIRECCION ? antes : agregar(antes, nueva[0]));
    }

    int direcciones() {
        return debidas.size();
    }

    // A unit charged more than the window ago is no longer in any window: owing it means nothing.
    private void olvidarVencidas(long ahora) {
        long limite = ahora - LimitePorDireccionStore.VENTANA_SEGUNDOS;
        debidas.replaceAll((clave, owed) -> Arrays.stream(owed).filter(t -> t > limite).toArray());
        debidas.values().removeIf(owed -> owed.length == 0);
    }

    private static long[] agregar(long[] antes, long t) {
        long[] nuevas = Arrays.copyOf(antes, antes.length + 1);
        nuevas[antes.length] = t;
        return nuevas;
    }
}
