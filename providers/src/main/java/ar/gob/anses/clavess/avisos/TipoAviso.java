package ar.gob.anses.clavess.avisos;

/**
 * What changed in the account, as the notice tells it. Each kind has its own subject and text in the {@code anses}
 * email theme ({@code ansesAviso<Kind>Asunto}, {@code ansesAviso<Kind>Texto}).
 */
public enum TipoAviso {
    CLAVE_CREADA("ClaveCreada"),
    /** Her clave of the agency's former system logged in for the first time and now lives here (legadas.Migracion). */
    CLAVE_MIGRADA("ClaveMigrada"),
    CLAVE_RECUPERADA("ClaveRecuperada"),
    CLAVE_CAMBIADA("ClaveCambiada"),
    NIVEL_SUBIDO("NivelSubido"),
    NIVEL_BAJADO("NivelBajado"),
    SEGUNDO_FACTOR_AGREGADO("FactorAgregado"),
    SEGUNDO_FACTOR_QUITADO("FactorQuitado"),
    /** Locked by wrong claves only: her clave is safe and nothing was done in her name. */
    CLAVE_BLOQUEADA("ClaveBloqueada"),
    /** Locked with wrong second-factor codes among the failures: whoever tried got past her clave. */
    CLAVE_BLOQUEADA_SEGUNDO_FACTOR("ClaveBloqueadaSegundoFactor"),
    CLAVE_HABILITADA("ClaveHabilitada"),
    OFICINA_DATOS("OficinaDatos"),
    OFICINA_CLAVE("OficinaClave"),
    OFICINA_DESBLOQUEO("OficinaDesbloqueo"),
    OFICINA_METODO_QUITADO("OficinaMetodoQuitado"),
    /**
     * A change of address asked for in Mi cuenta (Keycloak's Update email): told at once to the address still in use,
     * which keeps every notice until the new one is confirmed from its own mailbox.
     */
    CORREO_CAMBIO_PEDIDO("CorreoCambioPedido"),
    CORREO_CAMBIADO("CorreoCambiado"),
    /** The citizen confirmed a "No fui yo" link: every session closed, the clave to be replaced. */
    NO_FUI_YO("NoFuiYo"),
    /** Línea 130 gave her a clave by phone (a link to her email, or a provisional clave read out). */
    LINEA_130("Linea130");

    private final String mensaje;

    TipoAviso(String mensaje) {
        this.mensaje = mensaje;
    }

    /** Message key of the subject. */
    public String asunto() {
        return "ansesAviso" + mensaje + "Asunto";
    }

    /** Message key of the sentence that says what happened. */
    public String texto() {
        return "ansesAviso" + mensaje + "Texto";
    }

    /**
     * Whether the notice may go to an address the citizen gave but never verified. Only the enablement of a pending
     * clave: the agency promises to confirm it by email (seed 003, B.1.1), and it is the first use of that address.
     */
    public boolean aDireccionSinVerificar() {
        return this == CLAVE_HABILITADA;
    }

    /**
     * Whether the notice carries a "No fui yo" link. Every one but the confirmation of a "No fui yo" itself (by then
     * every session is closed and the clave no longer works, so the link would do nothing more) and a lock by wrong
     * claves, where nothing was done in her name: ending her sessions and voiding her clave would only do the
     * attacker's work (issue 30).
     */
    public boolean conNoFuiYo() {
        return this != NO_FUI_YO && this != CLAVE_BLOQUEADA;
    }

    /** Whether the notice tells her that her clave is safe and offers Olvidé mi clave instead of "No fui yo". */
    public boolean claveSegura() {
        return this == CLAVE_BLOQUEADA;
    }

    /**
     * Whether it is a lock notice: at most one of each kind per account and lock period ({@link PeriodoAvisoBloqueo}),
     * however many locks the failures make (from the failure factor on, every wrong clave locks again).
     */
    public boolean unoPorPeriodo() {
        return this == CLAVE_BLOQUEADA || this == CLAVE_BLOQUEADA_SEGUNDO_FACTOR;
    }

}
