package ar.gob.anses.clavess.nivel;

import ar.gob.anses.clavess.admin.AdminResourceFactory;

/** Admin REST API {@code /admin/realms/{realm}/anses-nivel}: see and change a citizen's level, audited. */
public final class NivelAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "anses-nivel";

    public NivelAdminResourceProviderFactory() {
        super(PROVIDER_ID, NivelAdminResource::new);
    }
}
