package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Paso;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Events of one Crear clave step: RESET_PASSWORD (or its _ERROR) with the step in {@code anses_paso} and a
 * reason code as the error. Never an answer, a trámite number or a clave.
 */
final class Eventos {

    private final AuthenticationFlowContext context;
    private final Paso paso;

    Eventos(AuthenticationFlowContext context, Paso paso) {
        this.context = context;
        this.paso = paso;
    }

    void exito() {
        context.getEvent().clone().event(EventType.RESET_PASSWORD).detail(DetallesEvento.PASO, paso.valor()).success();
    }

    void exito(EventType tipo, UserModel user) {
        exito(tipo, user, null);
    }

    /** With the level the user had before, in {@code anses_nivel_anterior}, when not null. */
    void exito(EventType tipo, UserModel user, String nivelAnterior) {
        exito(tipo, user, nivelAnterior, false);
    }

    /**
     * As {@link #exito(EventType, UserModel, String)}; {@code avisoAlConfirmarCorreo}: the user has no verified address
     * yet and one waits to be confirmed, so the notice of this change is sent when it is (detail
     * {@code anses_aviso_con_correo}), to that address, instead of now to none.
     */
    void exito(EventType tipo, UserModel user, String nivelAnterior, boolean avisoAlConfirmarCorreo) {
        var event = context.getEvent().clone().event(tipo).user(user).detail(DetallesEvento.PASO, paso.valor());
        if (tipo == EventType.UPDATE_CREDENTIAL) {
            // Which credential changed: Keycloak's Shared Signals say "password" to the apps (without it, "unknown").
            event.detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE);
        }
        if (nivelAnterior != null) {
            event.detail(DetallesEvento.NIVEL_ANTERIOR, nivelAnterior);
        }
        if (avisoAlConfirmarCorreo) {
            event.detail(DetallesEvento.AVISO_CON_CORREO, DetallesEvento.si(true));
        }
        event.success();
    }

    void error(String motivo) {
        context.getEvent().clone().event(EventType.RESET_PASSWORD).detail(DetallesEvento.PASO, paso.valor()).error(motivo);
    }
}
