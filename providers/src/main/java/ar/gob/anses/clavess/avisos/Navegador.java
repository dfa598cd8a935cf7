package ar.gob.anses.clavess.avisos;

/**
 * The browser family and system the notice names ("Chrome", "Windows"), so that a citizen recognises the device; null
 * when not recognised. The User-Agent is parsed by Keycloak's {@code DeviceRepresentationProvider} during the request;
 * this only drops the version Keycloak appends to the browser ({@code Chrome/131.0.0}) and its placeholders for what it
 * did not recognise ({@code Other}, {@code Unknown}).
 */
public record Navegador(String familia, String sistema) {

    private static final String OTRO = "Other";
    private static final String DESCONOCIDO = "Unknown";

    /** From Keycloak's {@code DeviceRepresentation.getBrowser()} and {@code getOs()}; either may be null. */
    public static Navegador de(String browser, String os) {
        String familia = browser == null ? null : browser.split("/", 2)[0].strip();
        return new Navegador(conocido(familia), conocido(os == null ? null : os.strip()));
    }

    private static String conocido(String valor) {
        return valor == null || valor.isEmpty() || OTRO.equals(valor) || DESCONOCIDO.equals(valor) ? null : valor;
    }
}
