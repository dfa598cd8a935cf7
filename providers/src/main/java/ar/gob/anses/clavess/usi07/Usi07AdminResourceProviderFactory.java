package ar.gob.anses.clavess.usi07;

import ar.gob.anses.clavess.admin.AdminResourceFactory;

/** Admin REST API {@code /admin/realms/{realm}/anses-usi07/{codigo}}: office staff check a Formulario USI-07's code. */
public final class Usi07AdminResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "anses-usi07";

    public Usi07AdminResourceProviderFactory() {
        super(PROVIDER_ID, (session, realm, auth, adminEvent) -> new Usi07AdminResource(session, realm, auth));
    }
}
