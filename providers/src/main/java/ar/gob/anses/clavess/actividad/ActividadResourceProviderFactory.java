package ar.gob.anses.clavess.actividad;

import ar.gob.anses.clavess.flujo.RecursoFactory;

/**
 * {@code GET /realms/{realm}/anses-actividad}: the account's activity for the account console's page
 * ({@link ActividadResource}; the page is {@code themes/anses/account/resources/js/anses-actividad.js}, listed in the
 * theme's {@code content.json}). A realm resource, not an {@code AccountResourceProvider}: that SPI replaces the whole
 * account console, and this adds one page to Keycloak's own.
 */
public final class ActividadResourceProviderFactory extends RecursoFactory {

    public static final String PROVIDER_ID = "anses-actividad";

    public ActividadResourceProviderFactory() {
        super(PROVIDER_ID, ActividadResource::new);
    }
}
