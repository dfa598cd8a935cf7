package ar.gob.anses.clavess.segundofactor;

/**
 * True when the app demands the second factor: the client scope {@value SegundoFactor#SCOPE} is one of its default
 * scopes, or the app requested it as an optional one. With {@link CondicionSegundoFactorPendienteFactory} it opens the
 * subflow after the identification subflow, so SSO reuse is stepped up too.
 */
public final class CondicionAplicacionPideSegundoFactorFactory extends CondicionSegundoFactorAuthenticatorFactory {

    public static final String PROVIDER_ID = "anses-condicion-segundo-factor";

    public CondicionAplicacionPideSegundoFactorFactory() {
        super(PROVIDER_ID, "ANSES: Condition - la aplicación pide segundo factor",
                "True when the client has the client scope " + SegundoFactor.SCOPE + " as a default scope, or was given it "
                        + "as an optional scope and requested it.",
                context -> SegundoFactor.pedidoPorLaAplicacion(context.getAuthenticationSession()));
    }
}
