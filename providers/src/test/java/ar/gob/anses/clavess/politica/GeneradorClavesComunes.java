package ar.gob.anses.clavess.politica;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Builds realm-export/password-blacklists/anses-denylist.txt, the claves everybody picks that the ANSES rules let
 * through, from the word lists in src/test/resources/claves-comunes (see the README beside the denylist):
 * <ul>
 * <li>John the Ripper's password.lst (public domain, 3 546 common passwords): each as it is, and each word of letters
 * only with the few endings people add (a digit, 12, 123, 01, 10, 13, 21, 69, 007);</li>
 * <li>Argentine words (clubs, the country's symbols, family, the agency, keyboard walks, first names, provinces and
 * cities), each as it is and with one or two digits, 123, 321 or a year from 1950 to 2030;</li>
 * <li>the 31 cities of INDEC's household survey as City + one digit + a cardinal point (Rosario7Sur).</li>
 * </ul>
 * Every candidate is written with its first letter in upper case (the way people meet the upper-case rule; Keycloak
 * compares the lower-cased clave with the lower-cased entries, so one line stands for every capitalisation) and kept
 * only if it passes the rules of the realm's passwordPolicy that do not depend on the person (read from
 * anses-realm.json, checked with {@link ReglasClave}, the production rules), so that every line is a clave a citizen
 * could really choose. Lines are sorted, one per lower-cased clave: the same sources give the same file, byte for byte.
 *
 * <p>Regenerate: {@code mvn -o verify -DskipITs -Dtest=ClavesComunesTest -Dclaves.comunes.escribir=true}.
 */
public final class GeneradorClavesComunes {

    static final Path FUENTES = Path.of("src/test/resources/claves-comunes");
    static final Path DENYLIST = Path.of("../realm-export/password-blacklists/anses-denylist.txt");
    static final Path REALM = Path.of("../realm-export/anses-realm.json");

    private static final List<String> FINALES_JOHN = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
            "12", "123", "01", "10", "13", "21", "69", "007");
    private static final List<String> FINALES_ARGENTINOS = finalesArgentinos();
    private static final List<String> PUNTOS_CARDINALES = List.of("Norte", "Sur", "Este", "Oeste");
    private static final String MARCA_CIUDADES = "[ciudades]";
    /** The policies that depend on the person or her history: nothing a generic list can be filtered by. */
    private static final List<String> POR_PERSONA = List.of("anses-sin-datos-personales", "notUsername", "notEmail",
            "notContainsUsername", "passwordHistory", "passwordBlacklist", "anses-sin-curatela");
    private static final Pattern POLITICA = Pattern.compile("([\\w-]+)(?:\\(([^)]*)\\))?");

    private final Map<String, Integer> politica;

    /** @param politica the realm's passwordPolicy string, e.g. {@code length(8) and digits(1) and …} */
    GeneradorClavesComunes(String politica) {
        this.politica = leerPolitica(politica);
    }

    /** The generator for the realm the project ships. */
    static GeneradorClavesComunes delRealm() {
        try {
            return new GeneradorClavesComunes(new ObjectMapper().readTree(REALM.toFile()).get("passwordPolicy").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The denylist's lines, sorted, one per lower-cased clave. */
    List<String> generar() {
        Map<String, String> claves = new TreeMap<>();
        for (String entrada : lineas("john-password.lst")) {
            agregar(claves, entrada);
            if (entrada.matches("[a-z]+")) {
                FINALES_JOHN.forEach(fin -> agregar(claves, entrada + fin));
            }
        }
        List<String> ciudades = new ArrayList<>();
        List<String> palabras = new ArrayList<>(lineas("palabras-argentinas.txt"));
        boolean enCiudades = false;
        for (String linea : lineas("ciudades.txt")) {
            if (linea.equals(MARCA_CIUDADES)) {
                enCiudades = true;
            } else {
                palabras.add(linea);
                if (enCiudades) {
                    ciudades.add(linea);
                }
            }
        }
        for (String palabra : palabras) {
            agregar(claves, palabra); // a keyboard walk with digits in it (Q1w2e3r4) is a clave as it is
            FINALES_ARGENTINOS.forEach(fin -> agregar(claves, palabra + fin));
        }
        for (String ciudad : ciudades) {
            for (int digito = 0; digito <= 9; digito++) {
                for (String punto : PUNTOS_CARDINALES) {
                    agregar(claves, ciudad + digito + punto);
                }
            }
        }
        return List.copyOf(claves.values());
    }

    /** Whether the clave passes every rule of the policy that does not depend on the person. */
    boolean aceptable(String clave) {
        for (Map.Entry<String, Integer> regla : politica.entrySet()) {
            int limite = regla.getValue();
            boolean cumple = switch (regla.getKey()) {
                case "length" -> clave.length() >= limite;
                case "maxLength" -> clave.length() <= limite;
                case "digits" -> cuenta(clave, Character::isDigit) >= limite;
                case "upperCase" -> cuenta(clave, Character::isUpperCase) >= limite;
                case "lowerCase" -> cuenta(clave, Character::isLowerCase) >= limite;
                case "anses-solo-letras-numeros" -> ReglasClave.soloLetrasYNumeros(clave);
                case "anses-sin-repetidos" -> ReglasClave.repeticionMasLarga(clave) <= limite;
                case "anses-sin-series" -> !ReglasClave.tieneSerie(clave, Math.max(2, limite));
                default -> throw new IllegalStateException("The realm's policy " + regla.getKey()
                        + " is unknown to the generator: teach it the rule, or the list would hold claves it refuses");
            };
            if (!cumple) {
                return false;
            }
        }
        return true;
    }

    /** Writes the denylist. */
    public static void main(String[] args) throws IOException {
        escribir(delRealm().generar());
    }

    static void escribir(List<String> lineas) throws IOException {
        Files.writeString(DENYLIST, String.join("\n", lineas) + "\n", StandardCharsets.UTF_8);
    }

    private void agregar(Map<String, String> claves, String candidata) {
        String clave = conMayuscula(candidata);
        if (aceptable(clave)) {
            claves.putIfAbsent(clave.toLowerCase(Locale.ROOT), clave);
        }
    }

    /** The first letter in upper case, the rest as typed: how people meet the upper-case rule. */
    static String conMayuscula(String texto) {
        for (int i = 0; i < texto.length(); i++) {
            if (Character.isLetter(texto.charAt(i))) {
                return texto.substring(0, i) + Character.toUpperCase(texto.charAt(i)) + texto.substring(i + 1);
            }
        }
        return texto;
    }

    private static long cuenta(String clave, java.util.function.IntPredicate tipo) {
        return clave.chars().filter(tipo).count();
    }

    private static List<String> finalesArgentinos() {
        List<String> finales = new ArrayList<>();
        IntStream.rangeClosed(0, 9).forEach(d -> finales.add(String.valueOf(d)));
        IntStream.rangeClosed(0, 99).forEach(n -> finales.add(String.format(Locale.ROOT, "%02d", n)));
        finales.add("123");
        finales.add("321");
        IntStream.rangeClosed(1950, 2030).forEach(anio -> finales.add(String.valueOf(anio)));
        return List.copyOf(finales);
    }

    private static Map<String, Integer> leerPolitica(String texto) {
        Map<String, Integer> reglas = new LinkedHashMap<>();
        for (String parte : texto.split("\\s+and\\s+")) {
            Matcher m = POLITICA.matcher(parte.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Unreadable policy: " + parte);
            }
            if (!POR_PERSONA.contains(m.group(1))) {
                String valor = m.group(2);
                reglas.put(m.group(1), valor == null || valor.isBlank() ? 0 : Integer.parseInt(valor.strip()));
            }
        }
        return reglas;
    }

    /** A source's lines: blank lines, comments ('#') and John the Ripper's '#!comment' header left out. */
    private static List<String> lineas(String fuente) {
        try {
            return Files.readAllLines(FUENTES.resolve(fuente), StandardCharsets.ISO_8859_1).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
