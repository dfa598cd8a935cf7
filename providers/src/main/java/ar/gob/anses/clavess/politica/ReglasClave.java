package ar.gob.anses.clavess.politica;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ANSES password rules that Keycloak has no built-in policy for, as plain functions. Letters are
 * A–Z and a–z only: ñ and accented letters are refused, because the clave is also typed on the agency's
 * virtual keyboard and older systems, and because "á" can arrive as one character or two.
 */
public final class ReglasClave {

    /** What kind of personal data a clave contains; each has its own message. */
    public enum DatoPersonal { CUIL, DNI, FECHA_NACIMIENTO, NOMBRE }

    private ReglasClave() {
    }

    /** Only A–Z, a–z and 0–9. */
    public static boolean soloLetrasYNumeros(String clave) {
        for (int i = 0; i < clave.length(); i++) {
            char c = clave.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The longest run of one character repeated in a row, case-insensitive ("aA" is a run of 2). */
    public static int repeticionMasLarga(String clave) {
        String texto = clave.toLowerCase(Locale.ROOT);
        int larga = texto.isEmpty() ? 0 : 1;
        int actual = 1;
        for (int i = 1; i < texto.length(); i++) {
            actual = texto.charAt(i) == texto.charAt(i - 1) ? actual + 1 : 1;
            larga = Math.max(larga, actual);
        }
        return larga;
    }

    /**
     * Whether the clave has {@code largo} or more consecutive digits or letters in ascending (1234, abcd)
     * or descending (9876, dcba) order, case-insensitive.
     */
    public static boolean tieneSerie(String clave, int largo) {
        String texto = clave.toLowerCase(Locale.ROOT);
        int subiendo = 1;
        int bajando = 1;
        for (int i = 1; i < texto.length(); i++) {
            char antes = texto.charAt(i - 1);
            char ahora = texto.charAt(i);
            boolean mismaClase = Character.isDigit(antes) == Character.isDigit(ahora)
                    && Character.isLetter(antes) == Character.isLetter(ahora);
            subiendo = mismaClase && ahora == antes + 1 ? subiendo + 1 : 1;
            bajando = mismaClase && ahora == antes - 1 ? bajando + 1 : 1;
            if (subiendo >= largo || bajando >= largo) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first kind of the person's data found in the clave: the CUIL, the DNI with or without leading
     * zeros, the birth date as ddmmaaaa, ddmmaa, aaaammdd or its year, a first or last name of 3+ letters
     * (case- and accent-insensitive).
     */
    public static Optional<DatoPersonal> datoPersonal(String clave, DatosPersonales datos) {
        String texto = sinTildes(clave);
        if (datos.cuil() != null && texto.contains(datos.cuil())) {
            return Optional.of(DatoPersonal.CUIL);
        }
        if (datos.dni() != null) {
            String sinCeros = datos.dni().replaceFirst("^0+", "");
            if (texto.contains(datos.dni()) || sinCeros.length() >= 6 && texto.contains(sinCeros)) {
                return Optional.of(DatoPersonal.DNI);
            }
        }
        if (datos.nacimiento() != null) {
            for (String forma : formas(datos.nacimiento())) {
                if (texto.contains(forma)) {
                    return Optional.of(DatoPersonal.FECHA_NACIMIENTO);
                }
            }
        }
        for (String nombre : datos.nombres()) {
            for (String palabra : sinTildes(nombre).split("[^a-z]+")) {
                if (palabra.length() >= 3 && texto.contains(palabra)) {
                    return Optional.of(DatoPersonal.NOMBRE);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> formas(LocalDate fecha) {
        List<String> formas = new ArrayList<>();
        formas.add(fecha.format(DateTimeFormatter.ofPattern("ddMMyyyy")));
        formas.add(fecha.format(DateTimeFormatter.ofPattern("ddMMyy")));
        formas.add(fecha.format(DateTimeFormatter.ofPattern("yyyyMMdd")));
        formas.add(String.valueOf(fecha.getYear()));
        return formas;
    }

    static String sinTildes(String texto) {
        return Normalizer.normalize(texto, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
