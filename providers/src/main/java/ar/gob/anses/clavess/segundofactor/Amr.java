package ar.gob.anses.clavess.segundofactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.models.Constants;

/**
 * The {@code amr} values of a session: the "Authentication reference" set on the config of each completed step whose
 * "Max age" has not run out, in the order the steps were completed. The same values, in the same order, as Keycloak
 * 26.7.3's {@code AmrUtils.getAuthenticationExecutionReferences} (what its AMR mapper puts in tokens), but without its
 * cost: Keycloak builds and catches a NullPointerException for every completed step that has no config (the cookie,
 * conditions, most Crear clave steps), on every token; here a step without config is simply skipped.
 */
public final class Amr {

    /** The config key of a step's reference (RFC 8176 value): Keycloak's. */
    public static final String REFERENCIA = Constants.AUTHENTICATION_EXECUTION_REFERENCE_VALUE;
    /** The config key of how long, in seconds after the step, its reference counts: Keycloak's; missing is 0. */
    public static final String VIGENCIA = Constants.AUTHENTICATION_EXECUTION_REFERENCE_MAX_AGE;

    private static final Logger LOG = Logger.getLogger(Amr.class);

    private Amr() {
    }

    /**
     * The references of the completed steps.
     *
     * @param completados  each completed step (execution id) and when it was completed (seconds), in completion order
     * @param configDePaso the config of a step's authenticator config, or null when the step has none (or is gone)
     * @param ahora        the current time in seconds (Keycloak's clock)
     */
    public static List<String> referencias(Map<String, Integer> completados, Function<String, Map<String, String>> configDePaso,
                                           int ahora) {
        List<String> referencias = new ArrayList<>(2);
        for (Map.Entry<String, Integer> paso : completados.entrySet()) {
            Integer completado = paso.getValue();
            if (completado == null) {
                continue;
            }
            Map<String, String> config = configDePaso.apply(paso.getKey());
            if (config == null || !vigente(config, completado, ahora)) {
                continue;
            }
            String referencia = config.get(REFERENCIA);
            if (referencia != null && !referencia.isEmpty()) {
                referencias.add(referencia);
            }
        }
        return referencias;
    }

    /**
     * Whether a step completed at {@code completado} still counts: {@code completado + maxAge >= ahora}, in int arithmetic
     * as Keycloak computes it; a max age that is not an int counts as never (Keycloak logs it and says false, so do we).
     */
    static boolean vigente(Map<String, String> config, int completado, int ahora) {
        String texto = config.getOrDefault(VIGENCIA, "0");
        long maxAge = entero(texto);
        if (maxAge == NO_ES_ENTERO) {
            LOG.warnf("invalid authentication execution max age '%s'", config.get(VIGENCIA));
            return false;
        }
        return completado + (int) maxAge >= ahora;
    }

    static final long NO_ES_ENTERO = Long.MIN_VALUE;

    /**
     * {@code texto} as {@link Integer#parseInt(String)} reads it (an optional sign, then decimal digits of any script, within
     * int range), or {@link #NO_ES_ENTERO} where that would throw: the same answer without an exception.
     */
    static long entero(String texto) {
        if (texto == null || texto.isEmpty()) {
            return NO_ES_ENTERO;
        }
        int i = 0;
        boolean negativo = false;
        char primero = texto.charAt(0);
        if (primero == '-' || primero == '+') {
            if (texto.length() == 1) {
                return NO_ES_ENTERO;
            }
            negativo = primero == '-';
            i = 1;
        }
        long valor = 0;
        for (; i < texto.length(); i++) {
            int digito = Character.digit(texto.charAt(i), 10);
            if (digito < 0) {
                return NO_ES_ENTERO;
            }
            valor = valor * 10 + digito;
            if (valor > 1L + Integer.MAX_VALUE) {
                return NO_ES_ENTERO;
            }
        }
        valor = negativo ? -valor : valor;
        return valor > Integer.MAX_VALUE ? NO_ES_ENTERO : valor;
    }
}
