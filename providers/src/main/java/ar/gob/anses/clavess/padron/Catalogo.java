package ar.gob.anses.clavess.padron;

import java.util.List;

/** The closed lists the registry's values come from; the questions draw their wrong options from them too. */
public final class Catalogo {

    public static final List<String> PROVINCIAS = List.of(
            "Buenos Aires", "Ciudad Autónoma de Buenos Aires", "Catamarca", "Chaco", "Chubut", "Córdoba",
            "Corrientes", "Entre Ríos", "Formosa", "Jujuy", "La Pampa", "La Rioja", "Mendoza", "Misiones",
            "Neuquén", "Río Negro", "Salta", "San Juan", "San Luis", "Santa Cruz", "Santa Fe",
            "Santiago del Estero", "Tierra del Fuego", "Tucumán");

    /** Monotributo categories A to K. */
    public static final List<String> CATEGORIAS_AUTONOMO = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K");

    public static final List<String> PRESTACIONES = List.of(
            "Asignación Universal por Hijo", "Asignación por Embarazo", "Asignaciones Familiares", "Jubilación",
            "Pensión", "Pensión no Contributiva", "Prestación por Desempleo", "Progresar", "Tarjeta Alimentar",
            "Asignación por Maternidad");

    /** Employers that look like the registry's, for wrong options; none is a real company's name on purpose. */
    public static final List<String> EMPLEADORES = List.of(
            "Molinos del Litoral S.A.", "Transportes Río Bermejo S.R.L.", "Frigorífico Las Tunas S.A.",
            "Cooperativa Agrícola El Ceibo Ltda.", "Metalúrgica Quilmes Sur S.A.", "Supermercados La Estación S.A.",
            "Textil Andina S.R.L.", "Laboratorios Del Plata S.A.", "Construcciones Patagónicas S.A.",
            "Bodegas Valle Escondido S.A.", "Clínica San Martín S.R.L.", "Logística Mediterránea S.A.",
            "Panificadora La Espiga S.R.L.", "Servicios Informáticos del Sur S.A.", "Yerbatera Misionera S.A.",
            "Estancia La Aurora S.A.", "Autopartes Rosario S.A.", "Hotel Cumbres S.R.L.",
            "Municipalidad de Villa Esperanza", "Colegio Nuestra Señora del Valle");

    private Catalogo() {
    }
}
