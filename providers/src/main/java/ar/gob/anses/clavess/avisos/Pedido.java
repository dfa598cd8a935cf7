package ar.gob.anses.clavess.avisos;

/**
 * A notice decided during a request, with what the request knew (when, from which address and browser, the server's
 * public base URI), to be sent once that request's transaction has committed.
 *
 * @param cuenta      {@code id:<user id>} or {@code cuil:<CUIL>}
 * @param navegador   the browser and system Keycloak's {@code DeviceRepresentationProvider} read from the request
 * @param porOficina  whether office staff made the change (an admin event)
 * @param baseUri     the server's public base URI (ends with "/"), for the Olvidé mi clave link; null if unknown
 */
record Pedido(String realmId, String cuenta, Aviso aviso, long cuando, String ip, String userAgent, Navegador navegador,
              boolean porOficina,
              String baseUri) {
}
