package ar.gob.anses.clavess.verificacion;

import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.padron.Catalogo;
import ar.gob.anses.clavess.padron.Persona;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the knowledge questions of one verification attempt from a person's registry data.
 *
 * <p>The wrong options of a question are the same on every attempt for the same person: they are
 * drawn with a seed derived from a server secret, the CUIL and the kind of question. Were they drawn
 * anew, the right answer would be the one option that keeps coming back. The secret keeps the draw
 * from being replayed offline to tell which option was not drawn. Only the order of the options and
 * the choice of questions change between attempts.
 */
public final class GeneradorPreguntas {

    public static final int OPCIONES_CON_DATO = 4;
    private static final List<String> CANTIDADES = List.of("1", "2", "3", "4 o más");

    private final byte[] secret;
    private final Collection<String> empleadoresConocidos;
    private final Random orden;

    /**
     * @param secret               server secret that makes the wrong options unpredictable
     * @param empleadoresConocidos employer names to draw wrong options from (the registry's and a catalogue)
     * @param orden                randomness for the order of options and the choice of questions
     */
    public GeneradorPreguntas(byte[] secret, Collection<String> empleadoresConocidos, Random orden) {
        this.secret = secret.clone();
        this.empleadoresConocidos = empleadoresConocidos;
        this.orden = orden;
    }

    /** {@code cantidad} questions, preferring kinds not in {@code anteriores} (the previous attempt's). */
    public List<Pregunta> intento(Persona persona, int cantidad, Set<TipoPregunta> anteriores) {
        List<TipoPregunta> nuevas = new ArrayList<>(EnumSet.complementOf(toEnumSet(anteriores)));
        List<TipoPregunta> repetidas = new ArrayList<>(anteriores);
        Collections.shuffle(nuevas, orden);
        Collections.shuffle(repetidas, orden);
        List<TipoPregunta> tipos = new ArrayList<>(nuevas);
        tipos.addAll(repetidas);
        List<Pregunta> preguntas = new ArrayList<>();
        for (TipoPregunta tipo : tipos.subList(0, Math.min(cantidad, tipos.size()))) {
            preguntas.add(pregunta(persona, tipo));
        }
        return preguntas;
    }

    Pregunta pregunta(Persona persona, TipoPregunta tipo) {
        Random fijo = new Random(seed(persona, tipo));
        Optional<String> correcta;
        List<String> equivocadas;
        switch (tipo) {
            case CATEGORIA_AUTONOMO -> {
                correcta = persona.categoriaAutonomo();
                equivocadas = elegir(Catalogo.CATEGORIAS_AUTONOMO, correcta, fijo);
            }
            case PROVINCIA_NACIMIENTO -> {
                correcta = persona.provinciaNacimiento();
                equivocadas = elegir(Catalogo.PROVINCIAS, correcta, fijo);
            }
            case PRESTACION -> {
                correcta = unaDe(persona.prestaciones(), fijo);
                equivocadas = elegir(excepto(Catalogo.PRESTACIONES, persona.prestaciones()), correcta, fijo);
            }
            case EMPLEADOR -> {
                correcta = unaDe(persona.empleadores(), fijo);
                equivocadas = elegir(excepto(empleadoresConocidos, persona.empleadores()), correcta, fijo);
            }
            case CANTIDAD_EMPLEADORES -> {
                int n = persona.empleadores().size();
                correcta = n == 0 ? Optional.empty() : Optional.of(CANTIDADES.get(Math.min(n, 4) - 1));
                // All four counts are always shown; with no employers the right answer is "Ninguna".
                equivocadas = new ArrayList<>(CANTIDADES);
                correcta.ifPresent(equivocadas::remove);
            }
            case FECHA_EMISION_DNI -> {
                correcta = persona.fechaEmisionDni().map(HoraArgentina.FECHA::format);
                LocalDate centro = persona.fechaEmisionDni().orElse(persona.fechaNacimiento().plusYears(30));
                equivocadas = fechas(centro, 6, correcta, fijo);
            }
            case FECHA_NACIMIENTO -> {
                correcta = Optional.of(HoraArgentina.FECHA.format(persona.fechaNacimiento()));
                equivocadas = fechas(persona.fechaNacimiento(), 3, correcta, fijo);
            }
            default -> throw new IllegalStateException("unknown question kind " + tipo);
        }
        List<String> opciones = new ArrayList<>(equivocadas.subList(0, OPCIONES_CON_DATO - (correcta.isPresent() ? 1 : 0)));
        correcta.ifPresent(opciones::add);
        Collections.shuffle(opciones, orden);
        int indice = correcta.map(opciones::indexOf).orElse(opciones.size());
        return new Pregunta(tipo, List.copyOf(opciones), indice);
    }

    /** Wrong options: a fixed draw from the pool minus the right answer, enough for every case. */
    private static List<String> elegir(Collection<String> pool, Optional<String> correcta, Random fijo) {
        List<String> candidatas = new ArrayList<>(new LinkedHashSet<>(pool));
        correcta.ifPresent(candidatas::remove);
        Collections.sort(candidatas); // the draw must not depend on the pool's order
        Collections.shuffle(candidatas, fijo);
        if (candidatas.size() < OPCIONES_CON_DATO) {
            throw new IllegalStateException("not enough wrong options in the pool");
        }
        return candidatas.subList(0, OPCIONES_CON_DATO);
    }

    /**
     * Dates in a window of {@code years} around {@code centro} whose position is itself drawn, so the
     * right date is not always the middle one.
     */
    private static List<String> fechas(LocalDate centro, int years, Optional<String> correcta, Random fijo) {
        LocalDate desde = centro.minusDays(fijo.nextInt(years * 365));
        Set<String> fechas = new LinkedHashSet<>();
        while (fechas.size() < OPCIONES_CON_DATO) {
            String fecha = HoraArgentina.FECHA.format(desde.plusDays(fijo.nextInt(years * 365)));
            if (correcta.map(c -> !c.equals(fecha)).orElse(true)) {
                fechas.add(fecha);
            }
        }
        return new ArrayList<>(fechas);
    }

    private static Optional<String> unaDe(List<String> valores, Random fijo) {
        return valores.isEmpty() ? Optional.empty() : Optional.of(valores.get(fijo.nextInt(valores.size())));
    }

    private static List<String> excepto(Collection<String> pool, Collection<String> propias) {
        List<String> resto = new ArrayList<>(pool);
        resto.removeAll(propias);
        return resto;
    }

    private long seed(Persona persona, TipoPregunta tipo) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((persona.cuil().digitos() + "|" + tipo.name()).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = seed << 8 | (digest[i] & 0xff);
            }
            return seed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static EnumSet<TipoPregunta> toEnumSet(Set<TipoPregunta> tipos) {
        return tipos.isEmpty() ? EnumSet.noneOf(TipoPregunta.class) : EnumSet.copyOf(tipos);
    }
}
