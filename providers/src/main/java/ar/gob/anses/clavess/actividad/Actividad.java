package ar.gob.anses.clavess.actividad;

import ar.gob.anses.clavess.avisos.Aviso;
import ar.gob.anses.clavess.avisos.DecisionAviso;
import ar.gob.anses.clavess.avisos.TipoAviso;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.events.Errors;

/**
 * "Actividad de tu cuenta": which of a citizen's stored events she is shown, and how. Plain Java over {@link Suceso}s,
 * unit-tested alone. The changes are the ones that send a notice ({@link DecisionAviso}, the same rules, so the page
 * and the emails never disagree about what changed), plus her logins and the failed attempts with a wrong clave;
 * everything else Keycloak stores (token exchanges, refreshes, other logouts) is left out.
 */
public final class Actividad {

    /** How far back the page reads: the realm export's {@code eventsExpiration} (7 776 000 s) is the same 90 days. */
    public static final int DIAS = 90;
    /** The most entries a page shows: a citizen's 90 days fit many times over; a flood of attempts does not bury the rest. */
    public static final int MAXIMO = 200;

    /** The user event types the page reads; Keycloak stores all of them by default ({@code saveByDefault}). */
    public static final Set<String> TIPOS = Set.of("LOGIN", "LOGIN_ERROR", "REGISTER", "SEND_VERIFY_EMAIL", "UPDATE_EMAIL",
            "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "UPDATE_PROFILE", "LOGOUT", "USER_DISABLED_BY_TEMPORARY_LOCKOUT",
            "USER_DISABLED_BY_PERMANENT_LOCKOUT");

    static final String INGRESO = "ansesActividadIngreso";
    static final String INGRESO_FALLIDO = "ansesActividadIngresoFallido";

    private Actividad() {
    }

    /**
     * The entries, newest first, of the events since {@code desde} (epoch ms). {@code fallosParaBloquear} is the realm's
     * failure factor (as for the notices); {@code dispositivos} gives the browser and system Keycloak recorded for a
     * user session id, or null when the session is gone or recorded none.
     */
    public static List<EntradaActividad> entradas(List<Suceso> sucesos, long desde, int fallosParaBloquear,
                                                  Function<String, EntradaActividad.Dispositivo> dispositivos) {
        Map<String, EntradaActividad.Dispositivo> vistos = new HashMap<>();
        List<EntradaActividad> entradas = new ArrayList<>();
        for (Suceso s : sucesos) {
            if (s.tiempo() < desde) {
                continue;
            }
            Optional<Que> que = que(s, fallosParaBloquear);
            if (que.isEmpty()) {
                continue;
            }
            EntradaActividad.Origen origen;
            EntradaActividad.Dispositivo dispositivo = null;
            String direccion = null;
            if (s.oficina()) {
                origen = TipoAviso.LINEA_130.name().equals(s.tipo()) ? EntradaActividad.Origen.LINEA_130 : EntradaActividad.Origen.OFICINA;
            } else {
                dispositivo = s.sesion() == null || dispositivos == null ? null
                        : vistos.computeIfAbsent(s.sesion(), dispositivos::apply);
                direccion = enmascarar(s.ip());
                origen = dispositivo != null ? EntradaActividad.Origen.DISPOSITIVO
                        : direccion != null ? EntradaActividad.Origen.CONEXION : EntradaActividad.Origen.DESCONOCIDO;
                if (dispositivo != null) {
                    direccion = null;
                }
            }
            entradas.add(new EntradaActividad(s.id(), s.tiempo(), que.get().mensaje(), que.get().parametros(), origen,
                    dispositivo, direccion, s.oficina() ? null : s.clientId(), que.get().noFuiYo()));
        }
        entradas.sort(Comparator.comparingLong(EntradaActividad::tiempo).reversed().thenComparing(EntradaActividad::id,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return entradas.size() > MAXIMO ? List.copyOf(entradas.subList(0, MAXIMO)) : List.copyOf(entradas);
    }

    /** What an event says, if the page shows it. */
    record Que(String mensaje, List<String> parametros, boolean noFuiYo) {
    }

    static Optional<Que> que(Suceso s, int fallosParaBloquear) {
        if (s.tipo() == null) {
            return Optional.empty();
        }
        if (s.oficina()) {
            return oficina(s).map(Actividad::deAviso);
        }
        if ("LOGIN".equals(s.tipo()) && s.error() == null) {
            return Optional.of(new Que(INGRESO, List.of(), true));
        }
        if ("LOGIN_ERROR".equals(s.tipo()) && Errors.INVALID_USER_CREDENTIALS.equals(s.error())) {
            // Someone typed her CUIL with a wrong clave: told, but nothing was done in her name to undo.
            return Optional.of(new Que(INGRESO_FALLIDO, List.of(), false));
        }
        return DecisionAviso.deEvento(s.tipo(), texto(s.detalles()), s.error(), fallosParaBloquear).map(Actividad::deAviso);
    }

    /** An office's action as recorded: its notice; empty for a kind this version does not know. */
    private static Optional<Aviso> oficina(Suceso s) {
        TipoAviso tipo;
        try {
            tipo = TipoAviso.valueOf(s.tipo());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<String, ?> d = s.detalles() == null ? Map.of() : s.detalles();
        return Optional.of(new Aviso(tipo, entero(d.get(Suceso.NIVEL_ANTERIOR)), entero(d.get(Suceso.NIVEL_NUEVO))));
    }

    private static int entero(Object valor) {
        return valor instanceof Number n ? n.intValue() : 0;
    }

    private static Que deAviso(Aviso aviso) {
        TipoAviso tipo = aviso.tipo();
        List<String> parametros = tipo == TipoAviso.NIVEL_SUBIDO || tipo == TipoAviso.NIVEL_BAJADO
                ? List.of(String.valueOf(aviso.nivelAnterior()), String.valueOf(aviso.nivelNuevo())) : List.of();
        return new Que(mensaje(tipo), parametros, tipo.conNoFuiYo());
    }

    /** The account theme's key of each change: {@code ansesActividad} and the notice's own name for it. */
    static String mensaje(TipoAviso tipo) {
        return switch (tipo) {
            case CLAVE_CREADA -> "ansesActividadClaveCreada";
            case CLAVE_MIGRADA -> "ansesActividadClaveMigrada";
            case CLAVE_RECUPERADA -> "ansesActividadClaveRecuperada";
            case CLAVE_CAMBIADA -> "ansesActividadClaveCambiada";
            case NIVEL_SUBIDO -> "ansesActividadNivelSubido";
            case NIVEL_BAJADO -> "ansesActividadNivelBajado";
            case SEGUNDO_FACTOR_AGREGADO -> "ansesActividadFactorAgregado";
            case SEGUNDO_FACTOR_QUITADO -> "ansesActividadFactorQuitado";
            case CLAVE_BLOQUEADA, CLAVE_BLOQUEADA_SEGUNDO_FACTOR -> "ansesActividadClaveBloqueada";
            case CLAVE_HABILITADA -> "ansesActividadClaveHabilitada";
            case OFICINA_DATOS -> "ansesActividadOficinaDatos";
            case OFICINA_CLAVE -> "ansesActividadOficinaClave";
            case OFICINA_DESBLOQUEO -> "ansesActividadOficinaDesbloqueo";
            case OFICINA_METODO_QUITADO -> "ansesActividadOficinaMetodoQuitado";
            case CORREO_CAMBIO_PEDIDO -> "ansesActividadCorreoCambioPedido";
            case CORREO_CAMBIADO -> "ansesActividadCorreoCambiado";
            case NO_FUI_YO -> "ansesActividadNoFuiYo";
            case LINEA_130 -> "ansesActividadLinea130";
        };
    }

    /**
     * The address, masked: an IPv4's first two parts ({@code 181.23.x.x}), an IPv6's first two groups
     * ({@code 2800:810:…}); null when there is none or it is not an address.
     */
    public static String enmascarar(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String limpia = ip.strip();
        if (limpia.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] partes = limpia.split("\\.");
            return partes[0] + "." + partes[1] + ".x.x";
        }
        if (limpia.contains(":") && limpia.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
            String[] grupos = limpia.split(":", -1);
            if (grupos.length >= 3 && !grupos[0].isEmpty() && !grupos[1].isEmpty()) {
                return grupos[0].toLowerCase() + ":" + grupos[1].toLowerCase() + ":…";
            }
            return "…";
        }
        return null;
    }

    private static Map<String, String> texto(Map<String, ?> detalles) {
        if (detalles == null) {
            return Map.of();
        }
        Map<String, String> texto = new HashMap<>();
        detalles.forEach((k, v) -> {
            if (k != null && v != null) {
                texto.put(k, String.valueOf(v));
            }
        });
        return texto;
    }
}
