package ar.gob.anses.clavess.cuenta;

import java.time.LocalDate;
import org.keycloak.models.UserModel;

/**
 * Who the account is, as the padrón says: names, DNI and birth date. The one way a person's data gets onto a user
 * (Crear clave, an enablement online or at an office), and only once their identity was proven.
 */
public record Identidad(String nombre, String apellido, String dni, LocalDate fechaNacimiento) {

    /** Writes the names and the attributes {@code dni} and {@code birthdate} onto the account. */
    public void escribirEn(UserModel user) {
        user.setFirstName(nombre);
        user.setLastName(apellido);
        user.setSingleAttribute(Atributos.DNI, dni);
        user.setSingleAttribute(Atributos.NACIMIENTO, fechaNacimiento.toString());
    }
}
