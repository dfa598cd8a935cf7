package ar.gob.anses.clavess.nivel;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change of a citizen's level, recorded as an admin event of resource type {@code ANSES_NIVEL} at
 * {@code anses-nivel/<cuil>} whose representation holds the CUIL and both levels; the event itself holds
 * who (auth details) and when.
 */
public record CambioNivel(String cuil, int anterior, int nuevo) {

    public static final String RECURSO = "ANSES_NIVEL";

    public String resourcePath() {
        return NivelAdminResourceProviderFactory.PROVIDER_ID + "/" + cuil;
    }

    public Map<String, Object> representacion() {
        Map<String, Object> cambio = new LinkedHashMap<>();
        cambio.put("cuil", cuil);
        cambio.put(DetallesEvento.CAMBIO_NIVEL_ANTERIOR, anterior);
        cambio.put(DetallesEvento.CAMBIO_NIVEL_NUEVO, nuevo);
        return cambio;
    }
}
