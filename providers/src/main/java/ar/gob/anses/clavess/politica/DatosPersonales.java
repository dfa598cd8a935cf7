package ar.gob.anses.clavess.politica;

import ar.gob.anses.clavess.cuenta.Atributos;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.UserModel;

/** What a clave must not contain about its owner. Any part may be missing (a user not yet created). */
public record DatosPersonales(String cuil, String dni, LocalDate nacimiento, List<String> nombres) {

    /** From a user: username (the CUIL), dni, birthdate, first and last name. */
    public static DatosPersonales de(UserModel user) {
        List<String> nombres = new ArrayList<>();
        if (user.getFirstName() != null) {
            nombres.add(user.getFirstName());
        }
        if (user.getLastName() != null) {
            nombres.add(user.getLastName());
        }
        return new DatosPersonales(user.getUsername(), dni(user.getFirstAttribute(Atributos.DNI), user.getUsername()),
                fecha(user.getFirstAttribute(Atributos.NACIMIENTO)), nombres);
    }

    /** From the username alone (the CUIL, whose middle 8 digits are the DNI). */
    public static DatosPersonales deCuil(String username) {
        return new DatosPersonales(username, dni(null, username), null, List.of());
    }

    private static String dni(String dni, String cuil) {
        if (dni != null && !dni.isBlank()) {
            return dni;
        }
        return cuil != null && cuil.matches("[0-9]{11}") ? cuil.substring(2, 10) : null;
    }

    private static LocalDate fecha(String iso) {
        try {
            return iso == null ? null : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
