package ar.gob.anses.clavess.crearclave;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;

/** The page that ends a journey with an explanation (not in the registry, locked, curatela, …). */
final class Paginas {

    private Paginas() {
    }

    static Response info(AuthenticationFlowContext context, String tituloKey, String mensajeKey, Object... params) {
        return context.form().setAttribute("ansesTitulo", tituloKey).setError(mensajeKey, params).createForm("anses-info.ftl");
    }
}
