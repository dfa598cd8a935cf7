package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.nivel.Nivel;
import org.keycloak.authentication.AuthenticationFlowContext;

/** Step 5 of Crear clave: "Tu clave fue habilitada exitosamente con nivel 2"; COMENZAR A UTILIZAR goes on to the app. */
final class FinalizarAuthenticator implements Paso {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().setAttribute("nivel", String.valueOf(Nivel.ONLINE)).createForm("anses-finalizar.ftl"));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        new Eventos(context, "finalizar").exito();
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
