package ar.gob.anses.clavess.habilitacion;

import java.util.Random;

/**
 * The provisional clave an office gives a citizen it has served with the DNI: she must replace it at her first login.
 * Ten symbols, letters and digits alternating, so that it meets the ANSES policy by construction: no two digits or two
 * letters side by side means no series, no run of one character, no DNI, CUIL, date or name inside it; the first
 * letter is upper case, the others lower case; no symbol that reads like another (0/O, 1/l/I).
 */
public final class ClaveProvisoria {

    static final int LARGO = 10;
    private static final String MAYUSCULAS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String LETRAS = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITOS = "23456789";

    private ClaveProvisoria() {
    }

    public static String nueva(Random azar) {
        StringBuilder clave = new StringBuilder(LARGO);
        for (int i = 0; i < LARGO; i++) {
            if (i == 0) {
                clave.append(MAYUSCULAS.charAt(azar.nextInt(MAYUSCULAS.length())));
            } else if (i % 2 == 0) {
                clave.append(LETRAS.charAt(azar.nextInt(LETRAS.length())));
            } else {
                clave.append(DIGITOS.charAt(azar.nextInt(DIGITOS.length())));
            }
        }
        return clave.toString();
    }
}
