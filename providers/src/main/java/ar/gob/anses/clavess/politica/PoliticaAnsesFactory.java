package ar.gob.anses.clavess.politica;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * What the ANSES password policies share: a rule from {@link ReglasClave}, an optional whole-number
 * setting with its default, and the person's data from the user (or from the CUIL alone before the
 * user exists). Keycloak marks this SPI internal: everything that touches it is in this package.
 */
abstract class PoliticaAnsesFactory implements PasswordPolicyProviderFactory {

    private final String id;
    private final String displayName;
    private final Integer limitePorDefecto;
    private final Regla regla;

    /** @param limitePorDefecto the setting's default, or null for a policy without setting */
    PoliticaAnsesFactory(String id, String displayName, Integer limitePorDefecto, Regla regla) {
        this.id = id;
        this.displayName = displayName;
        this.limitePorDefecto = limitePorDefecto;
        this.regla = regla;
    }

    @Override
    public final PasswordPolicyProvider create(KeycloakSession session) {
        return new PasswordPolicyProvider() {
            @Override
            public PolicyError validate(RealmModel realm, UserModel user, String password) {
                return regla.validar(password, limite(realm), DatosPersonales.de(user));
            }

            @Override
            public PolicyError validate(String username, String password) {
                return regla.validar(password, limite(session.getContext().getRealm()), DatosPersonales.deCuil(username));
            }

            @Override
            public Object parseConfig(String value) {
                if (limitePorDefecto == null) {
                    return null;
                }
                int limite = parseInteger(value, limitePorDefecto);
                if (limite < 1) {
                    throw new PasswordPolicyConfigException(id + " needs a whole number of at least 1");
                }
                return limite;
            }

            @Override
            public void close() {
            }
        };
    }

    private int limite(RealmModel realm) {
        Integer limite = limitePorDefecto == null ? null : realm.getPasswordPolicy().getPolicyConfig(id);
        return limite == null ? 0 : limite;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayName() {
        return displayName;
    }

    @Override
    public final String getConfigType() {
        return limitePorDefecto == null ? null : PasswordPolicyProvider.INT_CONFIG_TYPE;
    }

    @Override
    public final String getDefaultConfigValue() {
        return limitePorDefecto == null ? null : String.valueOf(limitePorDefecto);
    }

    @Override
    public final boolean isMultiplSupported() {
        return false;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
