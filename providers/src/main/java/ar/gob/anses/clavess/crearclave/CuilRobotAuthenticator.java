package ar.gob.anses.clavess.crearclave;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.flujo.DesafioRobot;
import ar.gob.anses.clavess.flujo.Paso;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.verificacion.LimitePorDireccionStore;
import jakarta.ws.rs.core.MultivaluedMap;
import java.security.SecureRandom;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * Step 2 of Crear clave: the CUIL (parsed as on the login page) and the anti-robot check, limited per
 * client address over the last hour. A CUIL that the registry does not know ends here with its own page.
 */
final class CuilRobotAuthenticator implements Paso {

    static final String FIELD_CUIL = "cuil";
    static final String FIELD_ROBOT = DesafioRobot.FIELD;
    static final String FIELD_RESIDENCIA = "residencia";
    static final String RESIDENCIA_EXTERIOR = "exterior";
    private static final String TEMPLATE = "anses-crear-cuil.ftl";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        CuilRobotConfig config = new CuilRobotConfig(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = form.getFirst(FIELD_CUIL);
        Eventos eventos = new Eventos(context, DetallesEvento.Paso.CUIL);

        if (limiteSuperado(context, config.limitePorHora())) {
            eventos.error("anses_limite_por_direccion");
            context.challenge(page(context, typed).setError("ansesLimitePorDireccion").createForm(TEMPLATE));
            return;
        }
        String residencia = form.getFirst(FIELD_RESIDENCIA);
        Cuil.Lectura parsed = Cuil.leer(typed);
        if (!parsed.esValido()) {
            context.challenge(page(context, typed).addError(new FormMessage(FIELD_CUIL, parsed.problema().messageKey())).createForm(TEMPLATE));
            return;
        }
        // The page always sends one of the two; a form without it (an older page, a script) means the country, as the default choice.
        if (residencia != null && !residencia.equals("pais") && !residencia.equals(RESIDENCIA_EXTERIOR)) {
            context.challenge(page(context, typed).addError(new FormMessage(FIELD_RESIDENCIA, "ansesResidenciaInvalida")).createForm(TEMPLATE));
            return;
        }
        if (config.antiRobot() && !DesafioRobot.resuelto(context.getAuthenticationSession(), form.getFirst(FIELD_ROBOT))) {
            eventos.error("anses_robot");
            context.challenge(page(context, typed).addError(new FormMessage(FIELD_ROBOT, "ansesRobotNoResuelto")).createForm(TEMPLATE));
            return;
        }
        Cuil cuil = parsed.cuil();
        context.getEvent().detail(Details.USERNAME, cuil.digitos());
        if (context.getSession().getProvider(PadronProvider.class).buscar(cuil).isEmpty()) {
            eventos.error("anses_cuil_sin_padron");
            context.challenge(Paginas.info(context, "ansesCuilNoEnPadronTitulo", "ansesCuilNoEnPadron"));
            return;
        }
        Recorrido.de(context).cuil(cuil, RESIDENCIA_EXTERIOR.equals(residencia));
        eventos.exito();
        context.success();
    }

    /** The page with a fresh challenge (replacing the one shown before, so a refused try needs a new solution) and what the citizen typed. */
    private LoginFormsProvider page(AuthenticationFlowContext context, String typed) {
        CuilRobotConfig config = new CuilRobotConfig(context.getAuthenticatorConfig());
        String residencia = context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD_RESIDENCIA);
        LoginFormsProvider form = context.form().setAttribute("cuilIngresado", typed == null ? "" : typed)
                .setAttribute("residencia", RESIDENCIA_EXTERIOR.equals(residencia) ? RESIDENCIA_EXTERIOR : "pais")
                .setAttribute("antiRobot", config.antiRobot());
        if (config.antiRobot()) {
            form.setAttribute("robot", DesafioRobot.mostrar(context.getAuthenticationSession(), RANDOM, config.dificultad()));
        }
        return form;
    }

    /** Counts this submission for the client address in the database every node shares; true past the limit of the last hour. */
    private static boolean limiteSuperado(AuthenticationFlowContext context, int limite) {
        return !new LimitePorDireccionStore(context.getSession(), context.getRealm())
                .admitir(context.getConnection().getRemoteAddr(), Time.currentTime(), limite);
    }
}
