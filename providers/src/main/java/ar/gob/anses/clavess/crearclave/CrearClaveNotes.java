package ar.gob.anses.clavess.crearclave;

/** What one Crear clave journey remembers between its steps, in the authentication session (server side). */
final class CrearClaveNotes {

    static final String POLITICAS_VERSION = "anses.politicas.version";
    static final String CUIL = "anses.cuil";
    static final String IDENTIDAD_VERIFICADA = "anses.identidad.verificada";
    /** The citizen said they live abroad: no verification now, the clave is created pending. */
    static final String EXTERIOR = "anses.exterior";
    static final String PREGUNTAS = "anses.preguntas";
    static final String PREGUNTAS_ANTERIORES = "anses.preguntas.anteriores";
    /** The address typed at Elegí tu clave that Confirmá tu correo is to confirm (absent: nothing to confirm). */
    static final String CORREO_DIRECCION = "anses.correo.direccion";
    /** What Elegí tu clave did: {@code creada} (a new user) or {@code recuperada} (the clave of an existing one replaced). */
    static final String CORREO_CLAVE = "anses.correo.clave";
    /** The level before a recovery, for the recovery notice sent when the address is confirmed. */
    static final String CORREO_NIVEL_ANTERIOR = "anses.correo.nivel.anterior";
    /** The code sent: its salt, the SHA-256 of salt + code, when it stops being valid (epoch seconds), resends so far. */
    static final String CORREO_SALT = "anses.correo.salt";
    static final String CORREO_HASH = "anses.correo.hash";
    static final String CORREO_VENCE = "anses.correo.vence";
    static final String CORREO_REENVIOS = "anses.correo.reenvios";
    /** A random id of this journey's confirmation: the key of its counted tries in Keycloak's single-use store. */
    static final String CORREO_ID = "anses.correo.id";

    /** Event detail naming the step of the journey, on every event it sends. */
    static final String EVENT_PASO = "anses_paso";
    /** Detail of the last step's UPDATE_CREDENTIAL: the level before the recovery. */
    static final String EVENT_NIVEL_ANTERIOR = "anses_nivel_anterior";
    /** Detail of REGISTER / UPDATE_CREDENTIAL: its notice waits for the address being confirmed (see DecisionAviso). */
    static final String EVENT_AVISO_CON_CORREO = "anses_aviso_con_correo";
    /** Details of Confirmá tu correo's UPDATE_EMAIL: what the journey did to the clave; whether the previous address was verified. */
    static final String EVENT_CLAVE = "anses_clave";
    static final String EVENT_CORREO_ANTERIOR_VERIFICADO = "anses_correo_anterior_verificado";

    private CrearClaveNotes() {
    }
}
