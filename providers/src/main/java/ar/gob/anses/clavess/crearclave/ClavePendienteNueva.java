package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.politica.ValidadorClave;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;
import org.keycloak.utils.EmailValidationUtil;

/**
 * Elegí tu clave for a resident abroad (seed 003, B): identity is not proven, so the clave is registered as a pending
 * request ({@link ClavesPendientes}) — no account, no level, no token — with the email address the agency confirms the
 * enablement to. Each registration is a request of its own, so none blocks the real person's. Nothing on the way tells
 * whether the CUIL already has a clave: a CUIL that has one gets the same request, page and work, and keeps its clave
 * untouched (the request's clave never opens it).
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
            new Eventos(context, DetallesEvento.Paso.EXTERIOR).error(ValidadorClave.MOTIVO_NO_CUMPLE);
            context.challenge(page(context, incumplidas)
                    .addError(new FormMessage(ValidadorClave.CAMPO_CLAVE, "ansesClaveNoCumple")).createForm("anses-elegi-clave.ftl"));
            return;
        }
        ClavesPendientes pendientes = session.getProvider(ClavesPendientes.class);
        String politicas = Recorrido.de(context).politicasVersion();
        // Stored and answered the same whether or not the CUIL has an account (its clave never opens that account), and
        // never refused: the CUIL's slots give way (ClavesPendientes.registrar), so nothing here depends on the CUIL.
        ClavesPendientes.Registro registro = pendientes.registrar(realm, cuil, clave, email, politicas,
                context.getConnection().getRemoteAddr());
        context.getEvent().clone().event(EventType.REGISTER).detail(Details.USERNAME, cuil)
                .detail(DetallesEvento.PASO, DetallesEvento.Paso.EXTERIOR.valor())
                .detail(DetallesEvento.ESTADO_CLAVE, EstadoClave.PENDIENTE.name())
                .detail(DetallesEvento.SOLICITUD, registro.name()).success();
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
}
