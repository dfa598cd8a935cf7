package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.segundofactor.SegundoFactor;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * Between Verificación de identidad and Elegí tu clave: when the verified CUIL belongs to a citizen who has a second
 * factor, that citizen becomes the flow's user, so the conditional subflow that follows (Keycloak's "Condition - user
 * configured" and the factors) asks for it before a new clave can be chosen. Recovering the clave online therefore
 * never replaces the clave of, nor logs in, a citizen with a second factor who cannot also prove it. Shows no page.
 */
final class SegundoFactorExistenteAuthenticator implements Paso {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Recorrido.de(context).verificado()
                .map(cuil -> context.getSession().users().getUserByUsername(context.getRealm(), cuil.digitos()))
                .filter(SegundoFactor::configurado)
                .ifPresent(context::setUser);
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}
