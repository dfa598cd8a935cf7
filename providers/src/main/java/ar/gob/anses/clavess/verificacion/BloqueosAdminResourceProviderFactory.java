package ar.gob.anses.clavess.verificacion;

import ar.gob.anses.clavess.admin.AdminResourceFactory;

/** Admin REST API {@code /admin/realms/{realm}/anses-verificacion}: see and lift verification locks. */
public final class BloqueosAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "anses-verificacion";

    public BloqueosAdminResourceProviderFactory() {
        super(PROVIDER_ID, BloqueosAdminResource::new);
    }
}
