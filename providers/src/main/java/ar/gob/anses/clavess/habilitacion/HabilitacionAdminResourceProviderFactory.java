package ar.gob.anses.clavess.habilitacion;

import ar.gob.anses.clavess.admin.AdminResourceFactory;

/** Admin REST API {@code /admin/realms/{realm}/anses-habilitacion}: office staff see and enable pending claves, audited. */
public final class HabilitacionAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "anses-habilitacion";

    public HabilitacionAdminResourceProviderFactory() {
        super(PROVIDER_ID, HabilitacionAdminResource::new);
    }
}
