package ar.gob.anses.clavess.cuenta;

/**
 * The names of the user attributes Clave SS keeps on a citizen's account: the contract with the realm's user profile,
 * the admin console, the mappers and existing databases, so they never change. Main code names an attribute only
 * through these constants.
 */
public final class Atributos {

    /** The level of assurance, 2 or 3 ({@link Nivel}). */
    public static final String NIVEL = "nivel";
    /** Whether the clave can be used ({@link EstadoClave}); missing means enabled. */
    public static final String ESTADO_CLAVE = "estadoClave";
    /** The DNI from the padrón, the 8 digits inside the CUIL ({@link Identidad}). */
    public static final String DNI = "dni";
    /** The birth date from the padrón, ISO {@code YYYY-MM-DD} ({@link Identidad}); OIDC's standard claim name. */
    public static final String NACIMIENTO = "birthdate";
    /** The version of the security policies accepted in Crear clave's first step. */
    public static final String POLITICAS_VERSION = "politicasVersion";
    /** The verification code of the citizen's current Formulario USI-07 ({@link CodigoVerificacion}). */
    public static final String CODIGO_USI07 = "codigoUsi07";
    /** When the citizen said "No fui yo" (epoch ms): until a newer clave, hers is refused (nofuiyo.ClaveComprometida). */
    public static final String CLAVE_COMPROMETIDA = "claveComprometida";

    private Atributos() {
    }
}
