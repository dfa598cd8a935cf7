package ar.gob.anses.clavess.avisos;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's public address, from which a notice's links (Olvidé mi clave, "No fui yo") are built: what the
 * deployer configured, never what a request's headers say, since the notice is a genuine email from ANSES whichever
 * request caused it (issue 30: wrong claves sent with a forged {@code Host} made notices link to the sender's host).
 * In Keycloak's order ({@code HostnameV2Provider}, so a link opens on the address Keycloak itself names the realm with,
 * and the "No fui yo" token's issuer matches):
 *
 * <ol>
 *     <li>the realm's <em>Frontend URL</em> (realm attribute {@code frontendUrl}, Realm settings → General);</li>
 *     <li>the server's {@code hostname} option given as a URL ({@code --hostname=https://clave.anses.gob.ar});</li>
 *     <li>the {@code hostname} option given as a plain host name: Keycloak's own frontend address of the request
 *     ({@code frontendDeKeycloak}), whose host is the configured one (its scheme and port are the request's, as in
 *     every link Keycloak makes itself);</li>
 *     <li>none: the notice goes without links.</li>
 * </ol>
 */
final class DireccionPublica {

    private DireccionPublica() {
    }

    /**
     * The base address, ending with "/", or empty when none is configured. {@code frontendDeKeycloak} is only asked
     * for when the hostname is a plain host name.
     */
    static Optional<String> de(String frontendUrl, String hostname, Supplier<URI> frontendDeKeycloak) {
        Optional<String> delRealm = url(frontendUrl);
        if (delRealm.isPresent()) {
            return delRealm;
        }
        if (hostname == null || hostname.isBlank()) {
            return Optional.empty();
        }
        String configurado = hostname.strip();
        if (configurado.contains("://")) {
            return url(configurado);
        }
        URI keycloak;
        try {
            keycloak = frontendDeKeycloak.get();
        } catch (RuntimeException e) {
            return Optional.empty(); // no request (a background job)
        }
        // Keycloak put the configured host into it; anything else is not the configured address.
        return keycloak != null && configurado.equalsIgnoreCase(keycloak.getHost()) ? url(keycloak.toString()) : Optional.empty();
    }

    /** An absolute http(s) URL with a host, without query or fragment, ending with "/"; empty otherwise. */
    private static Optional<String> url(String texto) {
        if (texto == null || texto.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(texto.strip());
            String esquema = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(esquema.equals("https") || esquema.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String base = uri.toString();
            return Optional.of(base.endsWith("/") ? base : base + "/");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
