package ar.gob.anses.clavess.avisos;

/**
 * A notice decided during a request, with what the request knew (when, from which address and browser) and the
 * server's configured public address, to be sent once that request's transaction has committed.
 *
 * @param cuenta      {@code id:<user id>} or {@code cuil:<CUIL>}
 * @param navegador   the browser and system Keycloak's {@code DeviceRepresentationProvider} read from the request
 * @param porOficina  whether office staff made the change (an admin event)
 * @param baseUri     the server's configured public address ({@link DireccionPublica}, ends with "/"), for the notice's
 *                    links; null when none is configured (never the request's own)
 */
record Pedido(String realmId, String cuenta, Aviso aviso, long cuando, String ip, String userAgent, Navegador navegador,
              boolean porOficina,
              String baseUri) {
}
