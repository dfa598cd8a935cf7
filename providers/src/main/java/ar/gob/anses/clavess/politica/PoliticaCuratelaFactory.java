package ar.gob.anses.clavess.politica;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.padron.Curatela;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * {@code anses-sin-curatela}: no clave is set on the account of a person the padrón has under curatela ({@link Curatela}),
 * whoever sets it — an admin or office clerk creating the account with a clave or resetting it in the console or
 * through Keycloak's user API, or the citizen changing it. Our own paths refuse her earlier, each with its own page or
 * answer; this policy is the net under Keycloak's own. A clave without an account (a resident abroad's pending request)
 * is not judged here: that answer would tell a ward's status to whoever typed her CUIL.
 */
public final class PoliticaCuratelaFactory implements PasswordPolicyProviderFactory {

    public static final String PROVIDER_ID = "anses-sin-curatela";
    static final String MENSAJE = "ansesClaveCuratela";

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new PasswordPolicyProvider() {
            @Override
            public PolicyError validate(RealmModel realm, UserModel user, String password) {
                Cuil.Lectura cuil = user == null ? null : Cuil.leer(user.getUsername());
                return cuil != null && cuil.esValido() && Curatela.impideClave(session, cuil.cuil()) ? new PolicyError(MENSAJE) : null;
            }

            @Override
            public PolicyError validate(String username, String password) {
                return null;
            }

            @Override
            public Object parseConfig(String value) {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayName() {
        return "ANSES: Sin clave para personas bajo curatela";
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
