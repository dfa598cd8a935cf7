package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A clave as the agency's current system keeps it: the CUIL, the hash string and its {@link Algoritmo}, the level the
 * citizen holds (2, or 3 earned in person), the email address and whether she confirmed it, and the clave's state
 * ({@link EstadoClave#PENDIENTE}: a resident abroad's, not yet enabled, with the date it was made, from which its 90
 * days run). Every field is checked when made, so a bad entry fails the registry's reading, never a login.
 */
public record ClaveLegada(Cuil cuil, String hash, Algoritmo algoritmo, int nivel, String email, boolean emailConfirmado,
                          EstadoClave estado, LocalDate creada) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ClaveLegada {
        if (cuil == null || hash == null || algoritmo == null || estado == null) {
            throw new IllegalArgumentException("cuil, hash, algoritmo and estado are required");
        }
        try {
            algoritmo.validar(hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hash (" + algoritmo.nombre() + "): " + e.getMessage(), e);
        }
        if (nivel != 2 && nivel != 3) {
            throw new IllegalArgumentException("nivel must be 2 or 3, not " + nivel);
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("email is not an address: '" + email + "'");
        }
        if (emailConfirmado && email == null) {
            throw new IllegalArgumentException("emailConfirmado without an email");
        }
        if (estado == EstadoClave.PENDIENTE && (creada == null || email == null)) {
            // A pending clave's 90 days run from its creation, and its enablement is confirmed at its address.
            throw new IllegalArgumentException("a PENDIENTE clave needs its creation date (creada) and its email");
        }
    }

    /** Whether {@code clave} is this entry's, in constant time for the entry's algorithm. */
    public boolean coincide(String clave) {
        return algoritmo.coincide(hash, clave);
    }

    @Override
    public String toString() {
        return "ClaveLegada[" + cuil.digitos() + ", " + algoritmo.nombre() + ", nivel " + nivel + ", " + estado + "]"; // no hash
    }
}
