package ar.gob.anses.clavess.bench;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.Catalogo;
import ar.gob.anses.clavess.padron.Persona;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Synthetic citizens, the i-th always the same: DNI 20 000 000 + i (so CUILs ascend with i and never repeat),
 * a valid CUIL, and the rest drawn from a hash of i in roughly the registry's proportions. The benchmark can
 * thus name a citizen and their trámite without asking the database.
 */
final class PadronSintetico {

    static final int EMPLEADORES = 5_000;

    private static final String[] NOMBRES_F = {"Lucía", "Sofía", "Valentina", "Camila", "Martina", "Florencia", "Carolina",
            "Paula", "Julieta", "Milagros", "Agustina", "Rocío", "Romina", "Gabriela", "Natalia", "Silvina"};
    private static final String[] NOMBRES_M = {"Santiago", "Tomás", "Facundo", "Nicolás", "Joaquín", "Lautaro", "Ignacio",
            "Federico", "Gonzalo", "Matías", "Ezequiel", "Leandro", "Sebastián", "Diego", "Hernán", "Rodrigo"};
    private static final String[] APELLIDOS = {"González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez",
            "Pérez", "García", "Sánchez", "Romero", "Sosa", "Álvarez", "Torres", "Ruiz", "Ramírez", "Flores", "Benítez",
            "Acosta", "Medina", "Herrera", "Suárez", "Aguirre", "Giménez", "Gutiérrez", "Pereyra", "Rojas", "Molina"};
    private static final int[] PESOS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private PadronSintetico() {
    }

    static String cuil(long i) {
        String dni = String.valueOf(20_000_000L + i);
        for (String prefijo : sexo(i).equals("F") ? new String[] {"27", "23", "24"} : new String[] {"20", "23", "24"}) {
            String base = prefijo + dni;
            int suma = 0;
            for (int d = 0; d < 10; d++) {
                suma += (base.charAt(d) - '0') * PESOS[d];
            }
            int digito = (11 - suma % 11) % 11;
            if (digito < 10) {
                return base + digito;
            }
        }
        throw new IllegalStateException("no CUIL for DNI " + dni);
    }

    /** Whether the i-th citizen can prove identity with a trámite number (85 % can). */
    static boolean tieneTramite(long i) {
        return mezcla(i, 1) % 100 < 85;
    }

    static String tramite(long i) {
        return String.format("%011d", mezcla(i, 2) % 100_000_000_000L);
    }

    /** Whether the i-th citizen may create a clave online: has a trámite and is not under curatela. */
    static boolean puedeCrearPorTramite(long i) {
        return tieneTramite(i) && !bajoCuratela(i);
    }

    static boolean bajoCuratela(long i) {
        return mezcla(i, 9) % 1000 < 5;
    }

    // The account holders' indexes, found once: titular(k) is asked on every login of the load.
    private static long[] titulares = new long[0];

    /**
     * The index of the k-th citizen with an account in the benchmark: the k-th not under curatela, whose clave is the
     * curador's business (the realm's policy anses-sin-curatela refuses to give a ward one).
     */
    static synchronized long titular(int k) {
        if (k >= titulares.length) {
            long[] mas = java.util.Arrays.copyOf(titulares, Math.max(k + 1, titulares.length * 2));
            long i = titulares.length == 0 ? -1 : titulares[titulares.length - 1];
            for (int n = titulares.length; n < mas.length; n++) {
                do {
                    i++;
                } while (bajoCuratela(i));
                mas[n] = i;
            }
            titulares = mas;
        }
        return titulares[k];
    }

    private static String sexo(long i) {
        return (i & 1) == 0 ? "M" : "F";
    }

    static Persona persona(long i) {
        String sexo = sexo(i);
        String[] nombres = sexo.equals("F") ? NOMBRES_F : NOMBRES_M;
        String cuil = cuil(i);
        long h = mezcla(i, 3);
        LocalDate nacimiento = LocalDate.of(1940, 1, 1).plusDays(h % (365L * 66));
        List<String> empleadores = new ArrayList<>();
        int cuantos = (int) (mezcla(i, 4) % 4); // 0 to 3
        for (int e = 0; e < cuantos; e++) {
            empleadores.add(String.format("Empresa Sintética %04d S.A.", mezcla(i, 10 + e) % EMPLEADORES));
        }
        List<String> sinRepetir = empleadores.stream().distinct().toList();
        return new Persona(cuil, nombres[(int) (h % nombres.length)], APELLIDOS[(int) (mezcla(i, 5) % APELLIDOS.length)],
                cuil.substring(2, 10), tieneTramite(i) ? List.of(tramite(i)) : List.of(), nacimiento.toString(), sexo,
                mezcla(i, 6) % 10 == 0 ? null : Catalogo.PROVINCIAS.get((int) (mezcla(i, 6) % Catalogo.PROVINCIAS.size())),
                mezcla(i, 7) % 5 == 0 ? null : nacimiento.plusYears(16).plusDays(mezcla(i, 7) % 9000).toString(),
                mezcla(i, 8) % 10 < 3 ? Catalogo.CATEGORIAS_AUTONOMO.get((int) (mezcla(i, 8) % 11)) : null,
                sinRepetir, mezcla(i, 14) % 5 == 0 ? List.of(Catalogo.PRESTACIONES.get((int) (mezcla(i, 14) % 10))) : List.of(),
                mezcla(i, 15) % 50 == 0 ? Persona.Residencia.EXTERIOR : Persona.Residencia.ARGENTINA, bajoCuratela(i), List.of());
    }

    /** Citizens {@code desde} (inclusive) to {@code hasta} (exclusive). */
    static Iterator<Persona> rango(long desde, long hasta) {
        return new Iterator<>() {
            long siguiente = desde;

            @Override
            public boolean hasNext() {
                return siguiente < hasta;
            }

            @Override
            public Persona next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return persona(siguiente++);
            }
        };
    }

    static Cuil cuilDe(long i) {
        return Cuil.leer(cuil(i)).cuil();
    }

    /** SplitMix64 of (i, field): independent, repeatable draws per citizen and field. */
    private static long mezcla(long i, int campo) {
        long z = i * 0x9E3779B97F4A7C15L + campo * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
