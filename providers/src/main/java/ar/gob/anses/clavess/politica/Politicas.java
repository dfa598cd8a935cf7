package ar.gob.anses.clavess.politica;

import org.keycloak.policy.PolicyError;

/** The ANSES password policies, each its own id in Authentication → Policies. */
public final class Politicas {

    private Politicas() {
    }

    public static final class SoloLetrasYNumeros extends PoliticaAnsesFactory {
        public SoloLetrasYNumeros() {
            super("anses-solo-letras-numeros", "ANSES: Solo letras y números", null,
                    (clave, limite, datos) -> ReglasClave.soloLetrasYNumeros(clave) ? null
                            : new PolicyError("ansesClaveSoloLetrasNumeros"));
        }
    }

    public static final class SinRepetidos extends PoliticaAnsesFactory {
        public SinRepetidos() {
            super("anses-sin-repetidos", "ANSES: Sin caracteres repetidos (máximo seguidos)", 1,
                    (clave, limite, datos) -> ReglasClave.repeticionMasLarga(clave) > limite
                            ? new PolicyError("ansesClaveRepetidos", limite) : null);
        }
    }

    public static final class SinSeries extends PoliticaAnsesFactory {
        public SinSeries() {
            super("anses-sin-series", "ANSES: Sin series (largo que cuenta)", 4,
                    (clave, limite, datos) -> ReglasClave.tieneSerie(clave, Math.max(2, limite))
                            ? new PolicyError("ansesClaveSeries", Math.max(2, limite)) : null);
        }
    }

    public static final class SinDatosPersonales extends PoliticaAnsesFactory {
        public SinDatosPersonales() {
            super("anses-sin-datos-personales", "ANSES: Sin datos personales", null,
                    (clave, limite, datos) -> ReglasClave.datoPersonal(clave, datos)
                            .map(dato -> new PolicyError("ansesClaveDatoPersonal" + switch (dato) {
                                case CUIL -> "Cuil";
                                case DNI -> "Dni";
                                case FECHA_NACIMIENTO -> "FechaNacimiento";
                                case NOMBRE -> "Nombre";
                            })).orElse(null));
        }
    }
}
