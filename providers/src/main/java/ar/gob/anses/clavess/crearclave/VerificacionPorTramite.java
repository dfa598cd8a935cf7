package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.padron.Persona;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/** The trámite branch of identity verification: the person's padrón has trámite numbers of valid DNIs. */
final class VerificacionPorTramite {

    static final String FIELD_TRAMITE = "tramite";
    static final DetallesEvento.Paso PASO = DetallesEvento.Paso.TRAMITE;

    private final AuthenticationFlowContext context;

    VerificacionPorTramite(AuthenticationFlowContext context) {
        this.context = context;
    }

    void pedir() {
        context.challenge(context.form().createForm("anses-tramite.ftl"));
    }

    /**
     * Judges a typed trámite number. A number of the wrong shape is sent back and is not an attempt; otherwise the
     * attempt is charged, then compared, in one commit. True when the number is one of the person's (identity proven,
     * the count cleared); false with the page to show already set.
     */
    boolean verificar(Persona persona, IntentosDelPedido intentos, String tecleado) {
        Optional<String> tramite = normalizado(tecleado);
        if (tramite.isEmpty()) {
            // A typo in the form of the number is not a failed verification.
            context.challenge(context.form().setAttribute("tramiteIngresado", tecleado == null ? "" : tecleado)
                    .addError(new FormMessage(FIELD_TRAMITE, "ansesTramiteFormato")).createForm("anses-tramite.ftl"));
            return false;
        }
        Optional<IntentosDelPedido.Juicio> juicio = intentos.juzgar(PASO, "anses_tramite_incorrecto",
                () -> persona.tramites().contains(tramite.get()));
        if (juicio.isEmpty()) {
            return false; // locked: the lock page is set
        }
        if (!juicio.get().acertada()) {
            context.challenge(context.form()
                    .addError(new FormMessage(FIELD_TRAMITE, "ansesTramiteIncorrecto", juicio.get().restantes()))
                    .createForm("anses-tramite.ftl"));
        }
        return juicio.get().acertada();
    }

    /** The 11 digits of a trámite number as people type it (spaces, dots and dashes dropped); empty if it is not one. */
    static Optional<String> normalizado(String tecleado) {
        String tramite = tecleado == null ? "" : tecleado.replaceAll("[\\s.\\-]", "");
        return tramite.matches("[0-9]{11}") ? Optional.of(tramite) : Optional.empty();
    }
}
