package ar.gob.anses.clavess.verificacion;

import ar.gob.anses.clavess.almacen.EnviosDireccionJdbc;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How many times one client address did something counted in the last hour, in Keycloak's database (table
 * ANSES_ENVIOS_DIRECCION), so that every node counts the same: the CUILs it submitted to Crear clave, and (apart, under
 * another {@code uso}) the login's failed claves and the realm's failed logins. Each submission is
 * admitted or refused under the address's row lock: parallel submissions cannot pass the limit. One row per
 * address of {@link VentanaPorMinutos#CUBETAS} counters: the same bytes and work per submission for any limit.
 */
public final class LimitePorDireccionStore {

    /** The largest limit an hour; the row and the work per submission are the same for every limit up to it. */
    public static final int LIMITE_MAXIMO = VentanaPorMinutos.LIMITE_MAXIMO;

    // A row whose last admission is older than every minute its window keeps holds nothing.
    static final long VENTANA_SEGUNDOS = VentanaPorMinutos.CUBETAS * 60L;
    // One admitted submission in this many also deletes the rows of addresses quiet for a whole window.
    private static final int LIMPIEZA_CADA = 64;

    private final EnviosDireccionJdbc filas;
    private final String realmId;
    private final String uso;

    /** Crear clave's CUIL submissions per address. */
    public LimitePorDireccionStore(KeycloakSession session, RealmModel realm) {
        this(session, realm, "");
    }

    /**
     * Another count per address, kept apart from Crear clave's by {@code uso} (a prefix of the row's id, e.g.
     * {@code "ingreso:"}: the login's failed claves). Same table, window, row lock and clean-up.
     */
    public LimitePorDireccionStore(KeycloakSession session, RealmModel realm, String uso) {
        this.filas = new EnviosDireccionJdbc(session);
        this.realmId = realm.getId();
        this.uso = uso;
    }

    /** Records a submission from {@code direccion} at {@code ahora}; false (and nothing recorded) past {@code limite} an hour. */
    public boolean admitir(String direccion, long ahora, int limite) {
        return cobrar(direccion, ahora, limite).admitido();
    }

    /**
     * What one charge found: admitted (then {@code enVentana} counts it) or refused at the limit (nothing charged;
     * {@code libreDesde} is the epoch second from which one would be admitted again).
     */
    public record Cobro(boolean admitido, long enVentana, long libreDesde) {
    }

    /**
     * Charges one unit to {@code direccion} at {@code ahora} under the row's lock, committed before this returns, unless
     * {@code limite} units are already in the last hour: parallel charges of one address, on any node, each see the ones
     * before them.
     */
    public Cobro cobrar(String direccion, long ahora, int limite) {
        return cobrar(direccion, ahora, limite, null);
    }

    /**
     * The same, first giving back (in the same row update) the units this node owed the address in {@code pendientes}:
     * those charged within the window; an older one is in no window any more.
     */
    public Cobro cobrar(String direccion, long ahora, int limite, DevolucionesPendientes pendientes) {
        int tope = Math.min(limite, LIMITE_MAXIMO);
        String clave = clave(direccion);
        long[] debidas = pendientes == null ? new long[0] : pendientes.tomar(clave);
        Cobro cobro;
        try {
            cobro = cambiar(clave, ventana -> {
                VentanaPorMinutos devuelta = devolverDebidas(ventana, debidas, ahora);
                return devuelta.admitir(ahora, tope)
                        .map(nueva -> new Resultado<>(nueva, new Cobro(true, nueva.enVentana(ahora), ahora)))
                        .orElseGet(() -> new Resultado<>(debidas.length == 0 ? null : devuelta,
                                new Cobro(false, devuelta.enVentana(ahora), devuelta.libreDesde(ahora, tope))));
            }, ahora);
        } catch (RuntimeException e) {
            if (pendientes != null) {
                pendientes.restituir(clave, debidas);
            }
            throw e;
        }
        if (cobro.admitido() && ThreadLocalRandom.current().nextInt(LIMPIEZA_CADA) == 0) {
            borrarVencidos(ahora);
        }
        return cobro;
    }

    private static VentanaPorMinutos devolverDebidas(VentanaPorMinutos ventana, long[] debidas, long ahora) {
        VentanaPorMinutos devuelta = ventana;
        for (long cobradoEn : debidas) {
            if (cobradoEn > ahora - VENTANA_SEGUNDOS) {
                devuelta = devuelta.devolver(ahora, cobradoEn);
            }
        }
        return devuelta;
    }

    /** Adds {@code n} to {@code direccion}'s count, with no limit, and returns the count of the last hour. */
    public long sumar(String direccion, long ahora, long n) {
        return cambiar(clave(direccion), ventana -> {
            VentanaPorMinutos nueva = ventana.sumar(ahora, n);
            return new Resultado<>(nueva, nueva.enVentana(ahora));
        }, ahora);
    }

    private record Resultado<T>(VentanaPorMinutos ventana, T valor) {
    }

    private <T> T cambiar(String clave, Function<VentanaPorMinutos, Resultado<T>> cambio, long ahora) {
        VentanaPorMinutos vacia = VentanaPorMinutos.vacia();
        return filas.cambiar(realmId + ":" + uso + clave, realmId, clave, new EnviosDireccionJdbc.Fila(vacia.texto(), vacia.minuto()),
                fila -> {
                    Resultado<T> resultado = cambio.apply(VentanaPorMinutos.de(fila.cuentas(), fila.minuto()));
                    VentanaPorMinutos nueva = resultado.ventana();
                    return new EnviosDireccionJdbc.Cambio<>(nueva == null ? null : new EnviosDireccionJdbc.Fila(nueva.texto(), nueva.minuto()),
                            ahora, resultado.valor());
                });
    }

    /**
     * The address as counted: an IPv4 address as it is; an IPv6 address by its /64 network, which one subscriber
     * usually holds whole (counting each of its addresses apart would give her 2^64 budgets).
     */
    static String clave(String direccion) {
        if (direccion == null || direccion.isEmpty()) {
            return "-";
        }
        if (direccion.indexOf(':') < 0) {
            return direccion;
        }
        try {
            // A literal: parsed, never looked up (the servlet layer gives the peer's numeric address).
            byte[] bytes = InetAddress.getByName(direccion.startsWith("[") ? direccion : "[" + direccion + "]").getAddress();
            if (bytes.length != 16) {
                return direccion;
            }
            StringBuilder red = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                red.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return red.append(":/64").toString();
        } catch (UnknownHostException e) {
            return direccion.length() > 64 ? direccion.substring(0, 64) : direccion;
        }
    }

    private void borrarVencidos(long ahora) {
        filas.borrarVencidos(realmId, ahora - VENTANA_SEGUNDOS);
    }
}
