package ar.gob.anses.clavess.linea130;

import ar.gob.anses.clavess.admin.AdminResourceFactory;

/**
 * Admin REST API {@code /admin/realms/{realm}/anses-linea-130}: a Línea 130 operator (role {@value Linea130#ROL}) gives a
 * caller a clave after she answers Crear clave's questions by phone ({@link Linea130AdminResource}).
 */
public final class Linea130AdminResourceProviderFactory extends AdminResourceFactory {

    public static final String PROVIDER_ID = "anses-linea-130";

    public Linea130AdminResourceProviderFactory() {
        super(PROVIDER_ID, Linea130AdminResource::new);
    }
}
