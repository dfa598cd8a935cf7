package ar.gob.anses.clavess.politica;

import java.util.List;
import java.util.Optional;

/**
 * One line of the live checklist: the policy id (which names the check the page's script runs, or
 * {@code servidor} for checks only the server can make), its setting, the message that names the rule
 * and, once known, its text.
 */
public record ReglaVisible(String id, String chequeo, int limite, String mensaje, Object[] parametros, String texto) {

    private static final List<String> ORDEN = List.of("length", "maxLength", "digits", "upperCase", "lowerCase",
            "anses-solo-letras-numeros", "anses-sin-repetidos", "anses-sin-series", "anses-sin-datos-personales",
            "notUsername", "passwordHistory", "passwordBlacklist");

    /** Where a policy goes in lists shown to citizens; policies we do not know go last. */
    static int orden(String id) {
        int i = ORDEN.indexOf(id);
        return i < 0 ? ORDEN.size() : i;
    }

    static Optional<ReglaVisible> de(String id, Object config) {
        int limite = config instanceof Integer ? (Integer) config : 0;
        return Optional.ofNullable(switch (id) {
            case "length" -> regla(id, "minimo", limite, "invalidPasswordMinLengthMessage");
            case "maxLength" -> regla(id, "maximo", limite, "invalidPasswordMaxLengthMessage");
            case "digits" -> regla(id, "digitos", limite, "invalidPasswordMinDigitsMessage");
            case "upperCase" -> regla(id, "mayusculas", limite, "invalidPasswordMinUpperCaseCharsMessage");
            case "lowerCase" -> regla(id, "minusculas", limite, "invalidPasswordMinLowerCaseCharsMessage");
            case "notUsername" -> regla(id, "servidor", 0, "invalidPasswordNotUsernameMessage");
            case "anses-solo-letras-numeros" -> regla(id, "alfanumerica", 0, "ansesClaveSoloLetrasNumeros");
            case "anses-sin-repetidos" -> regla(id, "repetidos", limite, "ansesClaveRepetidos");
            case "anses-sin-series" -> regla(id, "series", Math.max(2, limite), "ansesClaveSeries");
            case "anses-sin-datos-personales" -> regla(id, "servidor", 0, "ansesClaveDatoPersonal");
            case "passwordHistory" -> regla(id, "servidor", limite, "invalidPasswordHistoryMessage");
            case "passwordBlacklist" -> regla(id, "servidor", 0, "invalidPasswordBlacklistedMessage");
            default -> null; // hash settings, expiry: nothing the citizen types can break
        });
    }

    private static ReglaVisible regla(String id, String chequeo, int limite, String mensaje) {
        return new ReglaVisible(id, chequeo, limite, mensaje, new Object[] {limite}, null);
    }

    ReglaVisible conTexto(String texto) {
        return new ReglaVisible(id, chequeo, limite, mensaje, parametros, texto);
    }
}
