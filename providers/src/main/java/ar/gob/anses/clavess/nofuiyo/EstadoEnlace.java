package ar.gob.anses.clavess.nofuiyo;

/**
 * What a "No fui yo" link is worth when it comes back, from its claims alone (its signature is checked before, by
 * Keycloak's key): the right kind, for this realm, not expired. Whether it was already used is the single-use
 * store's answer, asked last, since asking it also spends the link.
 */
public enum EstadoEnlace {
    VALIDO, VENCIDO, INVALIDO;

    /**
     * @param tipo      the token's type claim ({@code typ}); must be {@link NoFuiYoActionToken#TOKEN_TYPE}
     * @param usuario   the user id it names
     * @param nonce     whether it has its single-use nonce
     * @param emisor    its issuer; must be {@code esperado}, the realm's issuer at this request's base URI
     * @param expira    its expiry, epoch seconds (0: none, which is invalid)
     * @param ahora     Keycloak's clock, epoch seconds
     */
    public static EstadoEnlace de(String tipo, String usuario, boolean nonce, String emisor, String esperado, long expira, long ahora) {
        if (!NoFuiYoActionToken.TOKEN_TYPE.equals(tipo) || usuario == null || usuario.isBlank() || !nonce
                || emisor == null || !emisor.equals(esperado) || expira <= 0) {
            return INVALIDO;
        }
        return ahora >= expira ? VENCIDO : VALIDO;
    }
}
