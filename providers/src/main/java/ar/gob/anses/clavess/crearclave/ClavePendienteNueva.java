package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.habilitacion.EstadoClave;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.politica.ValidadorClave;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;
import org.keycloak.utils.EmailValidationUtil;

/**
 * Elegí tu clave for a resident abroad (seed 003, B): identity is not proven, so the clave is created
 * {@link EstadoClave#PENDIENTE} — no level, no token — with the email address the agency confirms the enablement
 * to. Nothing on the way tells whether the CUIL already has a clave: a CUIL that has one (enabled or pending) gets
 * the same page, after the same work, and keeps its clave untouched.
 */
final class ClavePendienteNueva {

    static final String FIELD_EMAIL = "email";
    static final String TEMPLATE_REGISTRADA = "anses-clave-registrada.ftl";

    private final AuthenticationFlowContext context;

    ClavePendienteNueva(AuthenticationFlowContext context) {
        this.context = context;
    }

    /** Elegí tu clave as a resident abroad sees it: no "identidad comprobada", an email field, the policy's checklist. */
    static LoginFormsProvider page(AuthenticationFlowContext context, List<PolicyError> incumplidas) {
        String email = context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD_EMAIL);
        return new ValidadorClave(context.getSession(), context.getRealm()).enLaPagina(context.form(), null, incumplidas)
                .setAttribute("exterior", true).setAttribute("emailIngresado", email == null ? "" : email.strip());
    }

    void crear(Persona persona) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String clave = form.getFirst(ValidadorClave.CAMPO_CLAVE);
        String email = Optional.ofNullable(form.getFirst(FIELD_EMAIL)).map(String::strip).orElse("");
        Optional<FormMessage> campos = ValidadorClave.revisarCampos(clave, form.getFirst(ValidadorClave.CAMPO_CONFIRMACION))
                .or(() -> problemaEmail(email));
        if (campos.isPresent()) {
            context.challenge(page(context, List.of()).addError(campos.get()).createForm("anses-elegi-clave.ftl"));
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String cuil = persona.cuil().digitos();
        List<PolicyError> incumplidas = new ValidadorClave(session, realm).incumplidas(cuil, clave);
        if (!incumplidas.isEmpty()) {
            new Eventos(context, "exterior").error("anses_clave_no_cumple_politica");
            context.challenge(page(context, incumplidas)
                    .addError(new FormMessage(ValidadorClave.CAMPO_CLAVE, "ansesClaveNoCumple")).createForm("anses-elegi-clave.ftl"));
            return;
        }
        if (session.users().getUserByUsername(realm, cuil) != null) {
            // An existing clave is never turned into a pending one, nor replaced without proof of identity. The hash
            // a new clave costs is spent anyway, so that the answer's time does not tell either.
            hashSinGuardar(session, realm, clave);
            new Eventos(context, "exterior").error("anses_exterior_cuil_con_clave");
            context.challenge(registradaPage());
            return;
        }
        UserModel user;
        try {
            user = session.users().addUser(realm, cuil);
        } catch (ModelDuplicateException e) {
            session.getTransactionManager().setRollbackOnly(); // created a moment ago by another session: that one stands
            new Eventos(context, "exterior").error("anses_clave_creada_en_paralelo");
            context.challenge(registradaPage());
            return;
        }
        user.setFirstName(persona.nombre());
        user.setLastName(persona.apellido());
        user.setSingleAttribute("dni", persona.dni());
        user.setSingleAttribute("birthdate", persona.fechaNacimiento().toString());
        user.setEmail(email);
        user.setEmailVerified(false);
        user.setEnabled(true);
        EstadoClave.PENDIENTE.asignar(user);
        String politicas = context.getAuthenticationSession().getAuthNote(CrearClaveNotes.POLITICAS_VERSION);
        if (politicas != null) {
            user.setSingleAttribute("politicasVersion", politicas);
        }
        user.credentialManager().updateCredential(UserCredentialModel.password(clave, false));
        context.getEvent().clone().event(EventType.REGISTER).user(user).detail(CrearClaveNotes.EVENT_PASO, "exterior")
                .detail(EstadoClave.ATRIBUTO, EstadoClave.PENDIENTE.name()).success();
        context.challenge(registradaPage());
    }

    private Response registradaPage() {
        return context.form().setAttribute("plazoDias", context.getSession().getProvider(ClavesPendientes.class).plazo().dias()).createForm(TEMPLATE_REGISTRADA);
    }

    private static Optional<FormMessage> problemaEmail(String email) {
        if (email.isEmpty()) {
            return Optional.of(new FormMessage(FIELD_EMAIL, "ansesEmailRequeridoExterior"));
        }
        if (email.length() > 254 || !EmailValidationUtil.isValidEmail(email)) {
            return Optional.of(new FormMessage(FIELD_EMAIL, "ansesEmailInvalido"));
        }
        return Optional.empty();
    }

    private static void hashSinGuardar(KeycloakSession session, RealmModel realm, String clave) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordHashProvider hash = policy.getHashAlgorithm() == null ? null
                : session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm());
        (hash != null ? hash : session.getProvider(PasswordHashProvider.class)).encodedCredential(clave, policy.getHashIterations());
    }
}
