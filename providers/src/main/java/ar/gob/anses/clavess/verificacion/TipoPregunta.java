package ar.gob.anses.clavess.verificacion;

/** The kinds of knowledge questions; each has the message key {@code ansesPregunta<Name>}. */
public enum TipoPregunta {
    CATEGORIA_AUTONOMO,
    FECHA_EMISION_DNI,
    PROVINCIA_NACIMIENTO,
    EMPLEADOR,
    PRESTACION,
    CANTIDAD_EMPLEADORES,
    FECHA_NACIMIENTO;

    public String messageKey() {
        StringBuilder key = new StringBuilder("ansesPregunta");
        for (String word : name().split("_")) {
            key.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return key.toString();
    }
}
