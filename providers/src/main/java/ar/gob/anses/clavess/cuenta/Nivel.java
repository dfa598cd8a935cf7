package ar.gob.anses.clavess.cuenta;

import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * The citizen's level of assurance, held on the user as the attribute {@code nivel}: 2 proven online,
 * 3 proven in person at an office. It is also the {@code acr} of every token.
 */
public final class Nivel {

    public static final int ONLINE = 2;
    public static final int PRESENCIAL = 3;

    private Nivel() {
    }

    /** The user's level; a missing or malformed attribute counts as the lowest level, 2, never higher. */
    public static int de(UserModel user) {
        return leer(user.getFirstAttribute(Atributos.NIVEL)).orElse(ONLINE);
    }

    /** "2" or "3" as a level; anything else is empty. */
    public static Optional<Integer> leer(String value) {
        if ("2".equals(value)) {
            return Optional.of(ONLINE);
        }
        if ("3".equals(value)) {
            return Optional.of(PRESENCIAL);
        }
        return Optional.empty();
    }

    /**
     * Whether an app may get a code for a citizen of level {@code nivel}: not when the client's Minimum
     * ACR value or an essential acr request asks for more. A voluntary request (acr_values) never refuses:
     * the token then tells the app the real level.
     *
     * @param pedido   the level the request asked for, or null
     * @param esencial whether that request was essential (claims parameter)
     * @param minimo   the client's Minimum ACR value as a level, or null
     */
    public static boolean alcanza(int nivel, Integer pedido, boolean esencial, Integer minimo) {
        if (minimo != null && nivel < minimo) {
            return false;
        }
        return !(esencial && pedido != null && nivel < pedido);
    }
}
