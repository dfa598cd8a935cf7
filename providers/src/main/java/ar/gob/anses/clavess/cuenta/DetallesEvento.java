package ar.gob.anses.clavess.cuenta;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contract of our events: the names of the details the journeys and the office write, and the values others read
 * from them. Crear clave and the pending clave's enablement write them; the notices ({@code avisos}), the signals to
 * apps ({@code senales}) and the activity page ({@code actividad}) read them. Stored events keep these names, so they
 * never change; main code writes a detail or one of its values only through this class.
 */
public final class DetallesEvento {

    /** The step of Crear clave (or of the pending clave's enablement) that sent the event: {@link Paso}. */
    public static final String PASO = "anses_paso";
    /** Crear clave's REGISTER / UPDATE_CREDENTIAL: the level before a recovery (the notice says it dropped from 3 to 2). */
    public static final String NIVEL_ANTERIOR = "anses_nivel_anterior";
    /**
     * Crear clave's REGISTER / UPDATE_CREDENTIAL: the citizen has no verified address yet and one waits to be confirmed,
     * so the notice is not sent now (to nobody) but with the confirmation's UPDATE_EMAIL.
     */
    public static final String AVISO_CON_CORREO = "anses_aviso_con_correo";
    /** Confirmá tu correo's UPDATE_EMAIL: what the journey did to the clave, {@link Clave}. */
    public static final String CLAVE = "anses_clave";
    /** Confirmá tu correo's UPDATE_EMAIL: whether the previous address was verified (then it is told of the change). */
    public static final String CORREO_ANTERIOR_VERIFICADO = "anses_correo_anterior_verificado";
    /** Confirmá tu correo's RESET_PASSWORD when no code is compared: what became of the address, {@link Correo}. */
    public static final String CORREO = "anses_correo";
    /** A pending clave's registration: what it did to the CUIL's other requests (habilitacion.ClavesPendientes.Registro). */
    public static final String SOLICITUD = "anses_solicitud";
    /**
     * A pending clave registered ({@link EstadoClave#PENDIENTE}) or enabled online ({@link EstadoClave#HABILITADA}), named
     * as the user attribute is.
     */
    public static final String ESTADO_CLAVE = Atributos.ESTADO_CLAVE;
    /** The same state under the name earlier versions wrote on the enablement's UPDATE_PROFILE; still read, never written. */
    public static final String ESTADO_CLAVE_ANTERIOR = "anses_estado_clave";

    /** The representation of the office's admin events (anses-nivel, anses-habilitacion): the level before and after. */
    public static final String CAMBIO_NIVEL_ANTERIOR = "nivelAnterior";
    public static final String CAMBIO_NIVEL_NUEVO = "nivelNuevo";
    /** The representation of anses-habilitacion's admin event: the clave's state after it ({@link EstadoClave}). */
    public static final String CAMBIO_ESTADO_NUEVO = "estadoNuevo";

    private DetallesEvento() {
    }

    /** A yes/no detail as it is written. */
    public static String si(boolean valor) {
        return String.valueOf(valor);
    }

    /** Whether a yes/no detail says yes (absent: no). */
    public static boolean si(Map<String, String> detalles, String detalle) {
        return detalles != null && "true".equals(detalles.get(detalle));
    }

    /** Whether the details name this state of the clave, under either of its names. */
    public static boolean estadoClave(Map<String, String> detalles, EstadoClave estado) {
        return detalles != null && (estado.name().equals(detalles.get(ESTADO_CLAVE))
                || estado.name().equals(detalles.get(ESTADO_CLAVE_ANTERIOR)));
    }

    /** The steps of Crear clave and of the pending clave's enablement, as {@link #PASO} names them. */
    public enum Paso {
        POLITICAS, CUIL, EXTERIOR, TRAMITE, PREGUNTAS, CLAVE, CORREO, FINALIZAR, HABILITAR,
        /** Not a step of Crear clave: the REGISTER of a clave moved from the agency's former system at its first login. */
        MIGRACION;

        /** The value written in the event. */
        public String valor() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the event's details say it was sent by this step. */
        public boolean en(Map<String, String> detalles) {
            return detalles != null && valor().equals(detalles.get(PASO));
        }
    }

    /** What Crear clave did to the clave, as {@link #CLAVE} names it: a new account, or the clave of one replaced. */
    public enum Clave {
        CREADA, RECUPERADA;

        public String valor() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value of a detail (or an auth note), if it is one. */
        public static Optional<Clave> de(String valor) {
            for (Clave clave : values()) {
                if (clave.valor().equals(valor)) {
                    return Optional.of(clave);
                }
            }
            return Optional.empty();
        }
    }

    /** What became of the address when Confirmá tu correo compared no code, as {@link #CORREO} names it. */
    public enum Correo {
        /** The realm has no SMTP server: no code could be sent. */
        SIN_SERVIDOR,
        /** The citizen chose "Saltear". */
        SALTEADO;

        public String valor() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
