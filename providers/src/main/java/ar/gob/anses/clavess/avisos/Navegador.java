package ar.gob.anses.clavess.avisos;

import java.util.Locale;

/**
 * The browser family and system of a User-Agent, told simply ("Chrome", "Windows") so that a citizen recognises
 * the device; null when not recognised. Order matters: Edge, Opera and Samsung Internet also say "Chrome", and
 * Chrome also says "Safari".
 */
public record Navegador(String familia, String sistema) {

    public static Navegador de(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Navegador(null, null);
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return new Navegador(familia(ua), sistema(ua));
    }

    private static String familia(String ua) {
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("samsungbrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("safari/") && ua.contains("version/")) {
            return "Safari";
        }
        return null;
    }

    private static String sistema(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "iOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
