package ar.gob.anses.clavess.politica;

import org.keycloak.policy.PolicyError;

/** One ANSES rule: the error for a clave that breaks it, or null. {@code limite} is the policy's number, if it has one. */
@FunctionalInterface
interface Regla {
    PolicyError validar(String clave, int limite, DatosPersonales datos);
}
