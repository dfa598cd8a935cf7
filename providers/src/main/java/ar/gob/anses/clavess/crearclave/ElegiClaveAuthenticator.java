package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.crearclave.Recorrido.CorreoAConfirmar;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Clave;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.politica.ValidadorClave;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;

/**
 * Step 4 of Crear clave: the new clave, twice, under the realm's password policy. Only now is the user
 * created (or its clave replaced): username = CUIL, names and data from the registry, level 2, because
 * the clave was proven online ({@link ClaveNueva}); any login lock of the CUIL is lifted. A resident abroad gets a
 * pending clave instead ({@link ClavePendienteNueva}).
 */
final class ElegiClaveAuthenticator implements Paso {

    private static final String TEMPLATE = "anses-elegi-clave.ftl";

    /** What the citizen sent, its fields checked: the clave and the address to confirm (empty when none). */
    private record Eleccion(String clave, String direccion) {
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Recorrido recorrido = Recorrido.de(context);
        Optional<Persona> persona = recorrido.verificada();
        if (persona.isPresent()) {
            context.challenge(page(context, null, List.of(), existente(context, persona.get().cuil())).createForm(TEMPLATE));
        } else if (recorrido.delExterior().isPresent()) {
            context.challenge(ClavePendienteNueva.page(context, List.of()).createForm(TEMPLATE));
        } else {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Recorrido recorrido = Recorrido.de(context);
        Optional<Persona> verificada = recorrido.verificada();
        if (verificada.isEmpty()) {
            recorrido.delExterior().ifPresentOrElse(persona -> new ClavePendienteNueva(context).crear(persona),
                    () -> context.failure(AuthenticationFlowError.INTERNAL_ERROR));
            return;
        }
        Persona persona = verificada.get();
        UserModel existente = existente(context, persona.cuil());
        Optional<Eleccion> eleccion = eleccion(context, existente);
        Optional<UserModel> conClave = eleccion.flatMap(e -> usuarioConClave(context, persona, existente, e.clave()));
        if (conClave.isEmpty()) {
            return; // the page says what to correct, or that another session created the account
        }
        UserModel user = conClave.get();
        Clave hecha = existente != null ? Clave.RECUPERADA : Clave.CREADA;
        int nivelAnterior = existente != null ? Nivel.de(existente) : 0;
        new ClaveNueva(context.getSession(), context.getRealm(), context.getProtector())
                .habilitar(user, persona.cuil(), eleccion.get().clave(), recorrido.politicasVersion());
        boolean avisoAlConfirmar = correoAConfirmar(recorrido, user, eleccion.get().direccion(), hecha, nivelAnterior);
        // The level before a recovery goes with the event: the citizen's notice says when it dropped from 3 to 2.
        new Eventos(context, DetallesEvento.Paso.CLAVE).exito(hecha == Clave.RECUPERADA ? EventType.UPDATE_CREDENTIAL : EventType.REGISTER,
                user, hecha == Clave.RECUPERADA ? String.valueOf(nivelAnterior) : null, avisoAlConfirmar);
        context.setUser(user);
        context.success();
    }

    /** The clave and the address as sent, when their fields are right; otherwise the page again, with what to correct. */
    private static Optional<Eleccion> eleccion(AuthenticationFlowContext context, UserModel existente) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String clave = form.getFirst(ValidadorClave.CAMPO_CLAVE);
        String direccion = DireccionCorreo.leer(form.getFirst(DireccionCorreo.CAMPO));
        List<FormMessage> campos = Stream.concat(
                ValidadorClave.revisarCampos(clave, form.getFirst(ValidadorClave.CAMPO_CONFIRMACION)).stream(),
                DireccionCorreo.problema(direccion).map(key -> new FormMessage(DireccionCorreo.CAMPO, key)).stream()).toList();
        if (campos.isEmpty()) {
            return Optional.of(new Eleccion(clave, direccion));
        }
        LoginFormsProvider page = page(context, null, List.of(), existente);
        campos.forEach(page::addError);
        context.challenge(page.createForm(TEMPLATE));
        return Optional.empty();
    }

    /**
     * The user the clave is for, with the registry's data written on it, once the clave passes the policy. A new user is
     * created here and removed again if the clave is refused: the personal-data rule needs the names, DNI and birth date
     * it will have. Nothing is committed before the clave passes.
     */
    private static Optional<UserModel> usuarioConClave(AuthenticationFlowContext context, Persona persona, UserModel existente,
                                                       String clave) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user;
        try {
            user = existente != null ? existente : session.users().addUser(realm, persona.cuil().digitos());
        } catch (ModelDuplicateException e) {
            // Another session, verified for the same CUIL, created the account a moment ago. Its clave stands:
            // nothing of this request is kept, and the citizen is told why.
            session.getTransactionManager().setRollbackOnly();
            new Eventos(context, DetallesEvento.Paso.CLAVE).error("anses_clave_creada_en_paralelo");
            context.challenge(Paginas.info(context, "ansesClaveYaCreadaTitulo", "ansesClaveYaCreada"));
            return Optional.empty();
        }
        persona.identidad().escribirEn(user);
        List<PolicyError> incumplidas = new ValidadorClave(session, realm).incumplidas(user, clave);
        if (incumplidas.isEmpty()) {
            return Optional.of(user);
        }
        if (existente == null) {
            session.users().removeUser(realm, user);
        }
        new Eventos(context, DetallesEvento.Paso.CLAVE).error(ValidadorClave.MOTIVO_NO_CUMPLE);
        context.challenge(page(context, existente, incumplidas, existente)
                .addError(new FormMessage(ValidadorClave.CAMPO_CLAVE, "ansesClaveNoCumple")).createForm(TEMPLATE));
        return Optional.empty();
    }

    /**
     * The address typed waits for Confirmá tu correo. A verified one the citizen already has stays until she confirms
     * another; without one, the new address is kept unverified from now on (no notice goes to it until confirmed).
     * True when the notice of this change must wait for that confirmation: without a verified address it has nowhere
     * to go now, so it is sent then (Confirmá tu correo's UPDATE_EMAIL), and reaches the citizen once, at once.
     */
    private static boolean correoAConfirmar(Recorrido recorrido, UserModel user, String direccion, Clave hecha, int nivelAnterior) {
        boolean conCorreoVerificado = user.isEmailVerified() && user.getEmail() != null && !user.getEmail().isBlank();
        if (direccion.isEmpty() || conCorreoVerificado && DireccionCorreo.misma(direccion, user.getEmail())) {
            recorrido.sinCorreoAConfirmar();
            return false;
        }
        if (!conCorreoVerificado) {
            user.setEmail(direccion);
            user.setEmailVerified(false);
        }
        recorrido.correoAConfirmar(new CorreoAConfirmar(direccion, hecha, nivelAnterior));
        return !conCorreoVerificado;
    }

    /**
     * Elegí tu clave for a resident: the optional address (what was typed is shown again after an error; the clave
     * fields never are) and whether she already has a verified one, which an empty field keeps.
     */
    private static LoginFormsProvider page(AuthenticationFlowContext context, UserModel user, List<PolicyError> incumplidas,
                                           UserModel existente) {
        String email = DireccionCorreo.leer(context.getHttpRequest().getDecodedFormParameters().getFirst(DireccionCorreo.CAMPO));
        boolean conCorreoVerificado = existente != null && existente.isEmailVerified() && existente.getEmail() != null
                && !existente.getEmail().isBlank() && EstadoClave.de(existente) != EstadoClave.PENDIENTE;
        return new ValidadorClave(context.getSession(), context.getRealm()).enLaPagina(context.form(), user, incumplidas)
                .setAttribute("emailIngresado", email).setAttribute("conCorreoVerificado", conCorreoVerificado);
    }

    /** The CUIL's account, if it has one (then the journey recovers its clave). */
    private static UserModel existente(AuthenticationFlowContext context, Cuil cuil) {
        return context.getSession().users().getUserByUsername(context.getRealm(), cuil.digitos());
    }
}
