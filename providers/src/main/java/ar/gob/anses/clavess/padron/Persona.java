package ar.gob.anses.clavess.padron;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.Identidad;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A person as the agency's registry (padrón) knows them. Field names in the JSON file are the
 * agency's Spanish ones; every value is checked when the file is read, so a bad file fails the start.
 */
public final class Persona {

    /**
     * Where the person lives, as the registry records it. Read and kept with the person, but no step uses it
     * today: a resident abroad creates a clave the same way as a resident of Argentina.
     */
    public enum Residencia { ARGENTINA, EXTERIOR }

    private static final Pattern DNI = Pattern.compile("[0-9]{8}");
    private static final Pattern TRAMITE = Pattern.compile("[0-9]{11}");

    private final Cuil cuil;
    private final String nombre;
    private final String apellido;
    private final String dni;
    private final List<String> tramites;
    private final LocalDate fechaNacimiento;
    private final String sexo;
    private final String provinciaNacimiento;
    private final LocalDate fechaEmisionDni;
    private final String categoriaAutonomo;
    private final List<String> empleadores;
    private final List<String> prestaciones;
    private final Residencia residencia;
    private final boolean bajoCuratela;
    private final List<Cuil> curados;

    @JsonCreator
    public Persona(@JsonProperty(value = "cuil", required = true) String cuil,
                   @JsonProperty(value = "nombre", required = true) String nombre,
                   @JsonProperty(value = "apellido", required = true) String apellido,
                   @JsonProperty(value = "dni", required = true) String dni,
                   @JsonProperty("tramites") List<String> tramites,
                   @JsonProperty(value = "fechaNacimiento", required = true) String fechaNacimiento,
                   @JsonProperty(value = "sexo", required = true) String sexo,
                   @JsonProperty("provinciaNacimiento") String provinciaNacimiento,
                   @JsonProperty("fechaEmisionDni") String fechaEmisionDni,
                   @JsonProperty("categoriaAutonomo") String categoriaAutonomo,
                   @JsonProperty("empleadores") List<String> empleadores,
                   @JsonProperty("prestaciones") List<String> prestaciones,
                   @JsonProperty("residencia") Residencia residencia,
                   @JsonProperty("bajoCuratela") boolean bajoCuratela,
                   @JsonProperty("curados") List<String> curados) {
        this.cuil = cuil(cuil, "cuil");
        this.nombre = required(nombre, "nombre");
        this.apellido = required(apellido, "apellido");
        if (dni == null || !DNI.matcher(dni).matches() || !dni.equals(this.cuil.dni())) {
            throw new IllegalArgumentException("dni must be the 8 digits inside the CUIL (" + this.cuil.dni() + ")");
        }
        this.dni = dni;
        this.tramites = todos(list(tramites), "tramites", t -> TRAMITE.matcher(t).matches(), "is not 11 digits");
        this.fechaNacimiento = date(fechaNacimiento, "fechaNacimiento");
        if (!List.of("F", "M", "X").contains(sexo)) {
            throw new IllegalArgumentException("sexo must be F, M or X");
        }
        this.sexo = sexo;
        this.provinciaNacimiento = deCatalogo(provinciaNacimiento, Catalogo.PROVINCIAS, "provinciaNacimiento");
        this.fechaEmisionDni = fechaEmisionDni == null ? null : date(fechaEmisionDni, "fechaEmisionDni");
        this.categoriaAutonomo = deCatalogo(categoriaAutonomo, Catalogo.CATEGORIAS_AUTONOMO, "categoriaAutonomo");
        this.empleadores = list(empleadores);
        this.prestaciones = todos(list(prestaciones), "prestaciones", Catalogo.PRESTACIONES::contains,
                "is not one of " + Catalogo.PRESTACIONES);
        this.residencia = residencia == null ? Residencia.ARGENTINA : residencia;
        this.bajoCuratela = bajoCuratela;
        this.curados = list(curados).stream().map(c -> cuil(c, "curados")).toList();
    }

    static Cuil cuil(String text, String field) {
        Cuil.Lectura parsed = Cuil.leer(text);
        if (!parsed.esValido() || !parsed.cuil().digitos().equals(text)) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a person's CUIL of 11 digits without separators");
        }
        return parsed.cuil();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(required(value, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a date YYYY-MM-DD");
        }
    }

    /** An optional value that, when present, is one of the catalog's. */
    private static String deCatalogo(String value, Collection<String> catalogo, String field) {
        if (value != null && !catalogo.contains(value)) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not one of " + catalogo);
        }
        return value;
    }

    /** The values, each of which passes {@code valido}. */
    private static List<String> todos(List<String> values, String field, Predicate<String> valido, String problema) {
        for (String value : values) {
            if (!valido.test(value)) {
                throw new IllegalArgumentException(field + ": '" + value + "' " + problema);
            }
        }
        return values;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public Cuil cuil() {
        return cuil;
    }

    public String nombre() {
        return nombre;
    }

    public String apellido() {
        return apellido;
    }

    public String dni() {
        return dni;
    }

    /** The trámite numbers of the person's valid DNIs; empty when the registry has none. */
    public List<String> tramites() {
        return tramites;
    }

    public LocalDate fechaNacimiento() {
        return fechaNacimiento;
    }

    public String sexo() {
        return sexo;
    }

    /** Empty when born abroad or unknown. */
    public Optional<String> provinciaNacimiento() {
        return Optional.ofNullable(provinciaNacimiento);
    }

    public Optional<LocalDate> fechaEmisionDni() {
        return Optional.ofNullable(fechaEmisionDni);
    }

    /** Last self-employed (autónomo or monotributo) category; empty when never self-employed. */
    public Optional<String> categoriaAutonomo() {
        return Optional.ofNullable(categoriaAutonomo);
    }

    public List<String> empleadores() {
        return empleadores;
    }

    public List<String> prestaciones() {
        return prestaciones;
    }

    public Residencia residencia() {
        return residencia;
    }

    public boolean bajoCuratela() {
        return bajoCuratela;
    }

    /** Wards of a curador: the persons they act for. */
    public List<Cuil> curados() {
        return curados;
    }

    /**
     * What of this person goes onto their account ({@link Identidad#escribirEn}): names, DNI and birth date. Only for a
     * person whose identity was proven (online or at an office).
     */
    public Identidad identidad() {
        return new Identidad(nombre, apellido, dni, fechaNacimiento);
    }
}
