package ar.gob.anses.clavess.politica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.DenylistPasswordPolicyProviderFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

/**
 * Every rule of the realm's password policy that a clave breaks, not just the first one (Keycloak's
 * policy manager stops at the first: keycloak#8771), and the checklist of rules for the page, both
 * read from the same configured policy so that they cannot disagree.
 */
public final class ValidadorClave {

    /** The two fields of every page that sets a clave (anses-clave-nueva.ftl). */
    public static final String CAMPO_CLAVE = "clave";
    public static final String CAMPO_CONFIRMACION = "confirmacion";
    /** The error of the event of a clave the policy refused, wherever it was chosen (Crear clave, Cambiar clave). */
    public static final String MOTIVO_NO_CUMPLE = "anses_clave_no_cumple_politica";

    private final KeycloakSession session;
    private final RealmModel realm;

    public ValidadorClave(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** What is wrong with the two fields before the policy is asked: nothing typed, or a confirmation that differs. */
    public static Optional<FormMessage> revisarCampos(String clave, String confirmacion) {
        if (clave == null || clave.isEmpty()) {
            return Optional.of(new FormMessage(CAMPO_CLAVE, "ansesClaveEmpty"));
        }
        if (!clave.equals(confirmacion)) {
            return Optional.of(new FormMessage(CAMPO_CONFIRMACION, "ansesClavesNoCoinciden"));
        }
        return Optional.empty();
    }

    /** The page with the realm's rules as a live checklist and, after a refused clave, every rule it broke. */
    public LoginFormsProvider enLaPagina(LoginFormsProvider form, UserModel user, List<PolicyError> incumplidas) {
        Mensajes mensajes = mensajes(user);
        return form.setAttribute("reglasClave", checklist(mensajes))
                .setAttribute("reglasIncumplidas", incumplidas.stream().map(e -> mensajes.texto(e.getMessage(), e.getParameters())).toList());
    }

    /**
     * The broken rules in the checklist's order ({@link ReglaVisible#orden}: length first, the server-only checks
     * last), not the order the policy string lists them; empty when the clave is acceptable.
     */
    public List<PolicyError> incumplidas(UserModel user, String clave) {
        List<PolicyError> errores = new ArrayList<>();
        PasswordPolicy policy = realm.getPasswordPolicy();
        for (String id : enOrden(policy)) {
            PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, id);
            PolicyError error = provider == null ? null : provider.validate(realm, user, clave);
            if (error != null) {
                errores.add(error);
            }
        }
        return errores;
    }

    /**
     * The broken rules for a clave whose owner is not proven yet (a resident abroad creating a pending clave): the
     * personal-data rule looks only at what the citizen typed, the CUIL and its DNI, never at the registry's name or
     * birth date, whose refusal would tell those data to whoever typed the CUIL; no history, no user needed.
     */
    public List<PolicyError> incumplidas(String cuil, String clave) {
        List<PolicyError> errores = new ArrayList<>();
        PasswordPolicy policy = realm.getPasswordPolicy();
        for (String id : enOrden(policy)) {
            PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, id);
            PolicyError error = provider == null ? null : provider.validate(cuil, clave);
            if (error != null) {
                errores.add(error);
            }
        }
        return errores;
    }

    /**
     * Whether the clave is on the realm's denylist of common claves (Keycloak's passwordBlacklist policy, the same check
     * and the same list that refuse it when chosen); false when the realm's policy has no denylist.
     */
    public boolean esComun(UserModel user, String clave) {
        PasswordPolicyProvider denylist = session.getProvider(PasswordPolicyProvider.class, DenylistPasswordPolicyProviderFactory.ID);
        return denylist != null && denylist.validate(realm, user, clave) != null;
    }

    /** The rules as the page lists them: what each checks in the browser, its setting and its text. */
    private List<ReglaVisible> checklist(Mensajes mensajes) {
        List<ReglaVisible> reglas = new ArrayList<>();
        PasswordPolicy policy = realm.getPasswordPolicy();
        for (String id : enOrden(policy)) {
            ReglaVisible.de(id, policy.getPolicyConfig(id)).ifPresent(regla ->
                    reglas.add(regla.conTexto(mensajes.texto(regla.mensaje(), regla.parametros()))));
        }
        return reglas;
    }

    /** The policy's rules in a stable order, as a citizen reads them: length first, the server-only checks last. */
    private static List<String> enOrden(PasswordPolicy policy) {
        List<String> ids = new ArrayList<>(policy.getPolicies());
        ids.sort(Comparator.comparingInt(ReglaVisible::orden).thenComparing(Comparator.naturalOrder()));
        return ids;
    }

    /**
     * The login theme's messages in the citizen's language, read once per page for the checklist and the broken rules
     * together: each read merges every message of the theme with the realm's overrides into a new table (3 % of a
     * Crear clave's CPU when it was read once per rule, 0.8 % when read twice per page).
     */
    private Mensajes mensajes(UserModel user) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Locale locale = session.getContext().resolveLocale(user);
            return new Mensajes(theme.getEnhancedMessages(realm, locale), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Mensajes(Properties messages, Locale locale) {
        String texto(String key, Object[] params) {
            return new MessageFormat(messages.getProperty(key, key), locale).format(params);
        }
    }
}
