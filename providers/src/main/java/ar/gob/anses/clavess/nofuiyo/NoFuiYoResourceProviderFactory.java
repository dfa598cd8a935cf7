package ar.gob.anses.clavess.nofuiyo;

import ar.gob.anses.clavess.flujo.RecursoFactory;

/** {@code POST /realms/{realm}/anses-no-fui-yo}: the confirmation of a "No fui yo" link ({@link NoFuiYoResource}). */
public final class NoFuiYoResourceProviderFactory extends RecursoFactory {

    public static final String PROVIDER_ID = "anses-no-fui-yo";

    public NoFuiYoResourceProviderFactory() {
        super(PROVIDER_ID, NoFuiYoResource::new);
    }
}
