package ar.gob.anses.clavess.escritorio;

import ar.gob.anses.clavess.flujo.RecursoFactory;

/**
 * {@code GET /realms/{realm}/anses-escritorio/}: the staff desk, "Escritorio de ANSES" ({@link EscritorioResource}). The
 * page holds no data and no right of its own: its script logs the clerk or operator in through the realm with the
 * public client {@value #CLIENT_ID} (PKCE) and calls the admin endpoints of Clave SS with her own token.
 */
public final class EscritorioResourceProviderFactory extends RecursoFactory {

    public static final String PROVIDER_ID = "anses-escritorio";
    /** The desk's public client in the realm export: its redirect URI is this resource's path. */
    public static final String CLIENT_ID = "anses-escritorio";

    public EscritorioResourceProviderFactory() {
        super(PROVIDER_ID, EscritorioResource::new);
    }
}
