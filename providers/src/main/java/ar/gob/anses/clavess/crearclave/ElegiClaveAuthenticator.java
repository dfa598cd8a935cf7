package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.legadas.ClavesLegadasRetiradas;
import ar.gob.anses.clavess.login.BloqueoClave;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.politica.ValidadorClave;
import ar.gob.anses.clavess.usi07.Usi07;
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
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Step 4 of Crear clave: the new clave, twice, under the realm's password policy. Only now is the user
 * created (or its clave replaced): username = CUIL, names and data from the registry, level 2, because
 * the clave was proven online; any login lock of the CUIL is lifted.
 */
final class ElegiClaveAuthenticator implements Paso {

    private static final String TEMPLATE = "anses-elegi-clave.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<Persona> persona = verificada(context);
        if (persona.isPresent()) {
            UserModel existente = context.getSession().users().getUserByUsername(context.getRealm(), persona.get().cuil().digitos());
            context.challenge(page(context, null, List.of(), existente).createForm(TEMPLATE));
        } else if (exterior(context).isPresent()) {
            context.challenge(ClavePendienteNueva.page(context, List.of()).createForm(TEMPLATE));
        } else {
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<Persona> verificada = verificada(context);
        if (verificada.isEmpty()) {
            Optional<Persona> exterior = exterior(context);
            if (exterior.isPresent()) {
                new ClavePendienteNueva(context).crear(exterior.get());
            } else {
                context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            }
            return;
        }
        Persona persona = verificada.get();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String clave = form.getFirst(ValidadorClave.CAMPO_CLAVE);
        String direccion = DireccionCorreo.leer(form.getFirst(DireccionCorreo.CAMPO));
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel existente = session.users().getUserByUsername(realm, persona.cuil().digitos());
        List<FormMessage> campos = Stream.concat(
                ValidadorClave.revisarCampos(clave, form.getFirst(ValidadorClave.CAMPO_CONFIRMACION)).stream(),
                DireccionCorreo.problema(direccion).map(key -> new FormMessage(DireccionCorreo.CAMPO, key)).stream()).toList();
        if (!campos.isEmpty()) {
            LoginFormsProvider page = page(context, null, List.of(), existente);
            campos.forEach(page::addError);
            context.challenge(page.createForm(TEMPLATE));
            return;
        }
        // A new user is created here and removed again if the clave is refused: the personal-data rule
        // needs the names, DNI and birth date it will have. Nothing is committed before the clave passes.
        UserModel user;
        try {
            user = existente != null ? existente : session.users().addUser(realm, persona.cuil().digitos());
        } catch (ModelDuplicateException e) {
            // Another session, verified for the same CUIL, created the account a moment ago. Its clave stands:
            // nothing of this request is kept, and the citizen is told why.
            session.getTransactionManager().setRollbackOnly();
            new Eventos(context, "clave").error("anses_clave_creada_en_paralelo");
            context.challenge(Paginas.info(context, "ansesClaveYaCreadaTitulo", "ansesClaveYaCreada"));
            return;
        }
        persona.identidad().escribirEn(user);
        List<PolicyError> incumplidas = new ValidadorClave(session, realm).incumplidas(user, clave);
        if (!incumplidas.isEmpty()) {
            if (existente == null) {
                session.users().removeUser(realm, user);
            }
            new Eventos(context, "clave").error("anses_clave_no_cumple_politica");
            context.challenge(page(context, existente, incumplidas, existente)
                    .addError(new FormMessage(ValidadorClave.CAMPO_CLAVE, "ansesClaveNoCumple")).createForm(TEMPLATE));
            return;
        }

        int nivelAnterior = existente != null ? Nivel.de(existente) : 0;
        // The real person, proven, makes or recovers the account: the CUIL's pending requests (residents abroad, whoever
        // made them; a CUIL with an account has them too, see ClavesPendientes) are discarded with their claves and
        // addresses, none of which was ever proven theirs.
        session.getProvider(ClavesPendientes.class).descartar(realm, persona.cuil().digitos());
        // A clave made here replaces the one of the agency's former system, if any: its entry is never asked again.
        ClavesLegadasRetiradas.retirar(session, realm, persona.cuil().digitos(), ClavesLegadasRetiradas.Motivo.REEMPLAZADA);
        // The address typed waits for Confirmá tu correo. A verified one the citizen already has stays until she confirms
        // another; without one, the new address is kept unverified from now on (no notice goes to it until confirmed).
        boolean conCorreoVerificado = user.isEmailVerified() && user.getEmail() != null && !user.getEmail().isBlank();
        boolean aConfirmar = !direccion.isEmpty() && !(conCorreoVerificado && DireccionCorreo.misma(direccion, user.getEmail()));
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        if (aConfirmar) {
            if (!conCorreoVerificado) {
                user.setEmail(direccion);
                user.setEmailVerified(false);
            }
            auth.setAuthNote(CrearClaveNotes.CORREO_DIRECCION, direccion);
            auth.setAuthNote(CrearClaveNotes.CORREO_CLAVE, existente != null ? "recuperada" : "creada");
            auth.setAuthNote(CrearClaveNotes.CORREO_NIVEL_ANTERIOR, String.valueOf(nivelAnterior));
        } else {
            auth.removeAuthNote(CrearClaveNotes.CORREO_DIRECCION);
        }
        auth.removeAuthNote(CrearClaveNotes.CORREO_HASH); // a code of an earlier pass through this page is no longer valid
        Cuenta.habilitar(user, Nivel.ONLINE, auth.getAuthNote(CrearClaveNotes.POLITICAS_VERSION));
        user.credentialManager().updateCredential(UserCredentialModel.password(clave, false));
        Usi07.asignarCodigo(session, realm, user); // a new clave, a new Formulario USI-07: the old form stops verifying
        new BloqueoClave(session, realm, context.getProtector()).limpiar(persona.cuil(), user);

        // The level before a recovery goes with the event: the citizen's notice says when it dropped from 3 to 2.
        // Without a verified address the notice of this change has nowhere to go now: when an address waits to be
        // confirmed, it is sent to it then (Confirmá tu correo's UPDATE_EMAIL), so it reaches the citizen once, at once.
        new Eventos(context, "clave").exito(existente != null ? EventType.UPDATE_CREDENTIAL : EventType.REGISTER, user,
                existente != null ? String.valueOf(nivelAnterior) : null, aConfirmar && !conCorreoVerificado);
        context.setUser(user);
        context.success();
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

    /** The resident abroad of this journey (not verified: their clave is created pending), if they said they live abroad. */
    private static Optional<Persona> exterior(AuthenticationFlowContext context) {
        String cuil = context.getAuthenticationSession().getAuthNote(CrearClaveNotes.CUIL);
        if (cuil == null || context.getAuthenticationSession().getAuthNote(CrearClaveNotes.EXTERIOR) == null) {
            return Optional.empty();
        }
        return context.getSession().getProvider(PadronProvider.class).buscar(Cuil.leer(cuil).cuil());
    }

    /** The person whose identity this journey proved, if it did. */
    private static Optional<Persona> verificada(AuthenticationFlowContext context) {
        String cuil = context.getAuthenticationSession().getAuthNote(CrearClaveNotes.IDENTIDAD_VERIFICADA);
        if (cuil == null || !cuil.equals(context.getAuthenticationSession().getAuthNote(CrearClaveNotes.CUIL))) {
            return Optional.empty();
        }
        return context.getSession().getProvider(PadronProvider.class).buscar(Cuil.leer(cuil).cuil());
    }
}
