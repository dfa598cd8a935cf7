package ar.gob.anses.clavess.politica;

import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The version of the Políticas de Seguridad in force: the one the step that shows them (Crear clave's first,
 * {@value #PASO}) is configured with in the realm's flows, so that the console changes it in one place. A citizen whose
 * recorded acceptance names another version is asked to accept them again when changing the clave (seed 000: "El sistema
 * te pedirá aceptar las políticas de seguridad").
 */
public final class VersionPoliticas {

    /** The provider id of the step that shows the policies (its factory's {@code PROVIDER_ID}). */
    public static final String PASO = "anses-politicas-seguridad";
    /** The step's config key of the version, and its default. */
    public static final String CONFIG = "version";
    public static final String POR_DEFECTO = "2024-1";

    private VersionPoliticas() {
    }

    /** The version a step's config names, or the default. */
    public static String de(AuthenticatorConfigModel config) {
        String version = config == null || config.getConfig() == null ? null : config.getConfig().get(CONFIG);
        return version == null || version.isBlank() ? POR_DEFECTO : version.strip();
    }

    /** The version in force in {@code realm}: that of its first execution of the policies' step, or the default. */
    public static String vigente(RealmModel realm) {
        Optional<String> configId = realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> PASO.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null)
                .map(execution -> execution.getAuthenticatorConfig()).findFirst();
        return de(configId.map(realm::getAuthenticatorConfigById).orElse(null));
    }

    /**
     * Whether a citizen who accepted {@code aceptada} must accept {@code vigente} again. An account with no recorded
     * acceptance (made at an office, or before versions were recorded) is not asked here: it accepted none online, and
     * Crear clave asks whoever comes through it.
     */
    public static boolean pedirDeNuevo(String aceptada, String vigente) {
        return aceptada != null && !aceptada.isBlank() && !Objects.equals(aceptada.strip(), vigente);
    }
}
