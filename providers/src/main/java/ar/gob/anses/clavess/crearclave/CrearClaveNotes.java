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
    static final String ROBOT_SALT = "anses.robot.salt";
    static final String ROBOT_CHALLENGE = "anses.robot.challenge";
    static final String ROBOT_MAXIMO = "anses.robot.maximo";

    /** Event detail naming the step of the journey, on every event it sends. */
    static final String EVENT_PASO = "anses_paso";

    private CrearClaveNotes() {
    }
}
