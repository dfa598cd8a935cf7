package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.padron.Curatela;
import ar.gob.anses.clavess.padron.Persona;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.models.UserModel;

/**
 * Step 3 of Crear clave: prove identity with the trámite number of the DNI ({@link VerificacionPorTramite}) or, when
 * the registry has none, with knowledge questions ({@link VerificacionPorPreguntas}). Attempts are charged per CUIL
 * in the database before they are judged ({@link IntentosDelPedido}); at the limit verification locks. Personal
 * circumstances (curatela, a disabled account) are told only once identity is proven.
 */
final class VerificacionIdentidadAuthenticator implements Paso {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<Persona> persona = persona(context);
        if (persona.isEmpty()) {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR); // no CUIL step before this one
            return;
        }
        if (new IntentosDelPedido(context, persona.get().cuil().digitos()).bloqueada()) {
            return;
        }
        if (Recorrido.de(context).exterior()) {
            // A resident abroad proves nothing now: the clave is created pending and enabled later (ClavePendienteNueva).
            new Eventos(context, DetallesEvento.Paso.EXTERIOR).exito();
            context.success();
            return;
        }
        if (!persona.get().tramites().isEmpty()) {
            new VerificacionPorTramite(context).pedir();
        } else {
            new VerificacionPorPreguntas(context).preguntarNuevas(persona.get());
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<Persona> persona = persona(context);
        if (persona.isEmpty()) {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            return;
        }
        IntentosDelPedido intentos = new IntentosDelPedido(context, persona.get().cuil().digitos());
        if (intentos.bloqueada()) {
            return; // locked meanwhile, perhaps from another browser
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (!persona.get().tramites().isEmpty()) {
            if (new VerificacionPorTramite(context).verificar(persona.get(), intentos, form.getFirst(VerificacionPorTramite.FIELD_TRAMITE))) {
                verificada(context, persona.get(), VerificacionPorTramite.PASO);
            }
        } else if (form.containsKey(VerificacionPorPreguntas.FIELD_NUEVO_INTENTO)) {
            new VerificacionPorPreguntas(context).preguntarNuevas(persona.get());
        } else {
            if (new VerificacionPorPreguntas(context).verificar(persona.get(), intentos, form)) {
                verificada(context, persona.get(), VerificacionPorPreguntas.PASO);
            }
        }
    }

    /** Identity proven (the count already cleared with the right answer's charge): curatela and a disabled account are told. */
    private static void verificada(AuthenticationFlowContext context, Persona persona, DetallesEvento.Paso paso) {
        Eventos eventos = new Eventos(context, paso);
        if (Curatela.impideClave(persona)) {
            eventos.error(Curatela.ERROR);
            context.challenge(Paginas.info(context, "ansesCuratelaTitulo", "ansesCuratela"));
            return;
        }
        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), persona.cuil().digitos());
        if (user != null && !user.isEnabled()) {
            eventos.error("anses_usuario_deshabilitado");
            context.challenge(Paginas.info(context, "ansesCuentaDeshabilitadaTitulo", "ansesClaveDisabled"));
            return;
        }
        Recorrido.de(context).identidadVerificada(persona.cuil());
        eventos.exito();
        context.success();
    }

    private static Optional<Persona> persona(AuthenticationFlowContext context) {
        return Recorrido.de(context).persona();
    }
}
