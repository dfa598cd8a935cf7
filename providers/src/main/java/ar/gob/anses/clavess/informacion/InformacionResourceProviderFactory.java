package ar.gob.anses.clavess.informacion;

import ar.gob.anses.clavess.flujo.RecursoFactory;

/**
 * {@code GET /realms/{realm}/anses-informacion}: the page "Más información sobre la Clave de la Seguridad Social" that
 * the login page and Finalizar link to (seed 002), unless the realm names another address ({@link InformacionResource}).
 */
public final class InformacionResourceProviderFactory extends RecursoFactory {

    public static final String PROVIDER_ID = "anses-informacion";

    public InformacionResourceProviderFactory() {
        super(PROVIDER_ID, InformacionResource::new);
    }
}
