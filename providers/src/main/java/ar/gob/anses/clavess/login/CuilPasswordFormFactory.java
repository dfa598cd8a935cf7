package ar.gob.anses.clavess.login;

import ar.gob.anses.clavess.verificacion.DevolucionesPendientes;
import ar.gob.anses.clavess.flujo.SistemaSaturado;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

public final class CuilPasswordFormFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "anses-cuil-password-form";

    private final AlarmaFallos alarma = new AlarmaFallos(Metrics.globalRegistry);
    // Units the login charged to an address before judging a clave that was right: given back at its next charge here.
    private final DevolucionesPendientes devoluciones = new DevolucionesPendientes();
    private final CuilPasswordForm form = new CuilPasswordForm(alarma, devoluciones);
    /** A database that does not answer (the budget's, the lock's): a page, not Keycloak's error. */
    private final Authenticator atendido = SistemaSaturado.atendido(form);
    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.REQUIRED};

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ANSES: CUIL y Clave de la Seguridad Social";
    }

    @Override
    public String getHelpText() {
        return "Login form for the CUIL and the Clave de la Seguridad Social. Accepts the CUIL with dashes, "
                + "spaces or dots, rejects a wrong prefix or check digit before any lookup, answers an unknown CUIL "
                + "exactly like a wrong clave and tells a locked clave when it can try again. Each client address has a "
                + "budget of failed claves an hour, past which it must pass the \"No soy un robot\" proof of work and, past "
                + "a ceiling, is refused; a realm-wide alarm asks every login for the proof of work while failed logins "
                + "exceed what the realm normally sees.";
    }

    @Override
    public String getReferenceCategory() {
        // Brute-force detection counts only failures of the password, otp and recovery-code categories.
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return IngresoConfig.PROPERTIES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return atendido;
    }

    @Override
    public void init(Config.Scope config) {
        // Nothing to configure at server level.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to wire.
    }

    @Override
    public void close() {
        alarma.cerrar();
    }
}
