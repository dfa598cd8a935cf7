package ar.gob.anses.clavess.representacion;

import ar.gob.anses.clavess.flujo.AccionRequeridaFactory;

/**
 * "¿En nombre de quién actuás?": a curador chooses to act for themself or for a ward, after every login that is not
 * an SSO reuse, and whenever an app asks with {@code kc_action=anses-representacion}.
 */
public final class RepresentacionRequiredActionFactory extends AccionRequeridaFactory {

    public static final String PROVIDER_ID = "anses-representacion";

    public RepresentacionRequiredActionFactory() {
        super(PROVIDER_ID, "ANSES: En nombre de quién actuás", new RepresentacionRequiredAction());
    }
}
