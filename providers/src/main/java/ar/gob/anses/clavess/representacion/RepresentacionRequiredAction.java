package ar.gob.anses.clavess.representacion;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "¿En nombre de quién actuás?": a curador with wards chooses to act for themself or for one ward; the choice is
 * kept in the user session (note {@link Representacion#NOTA}), so SSO reuse and refresh keep it, and the mapper
 * {@code anses-representa-mapper} turns it into the {@code representa} claim of every client's tokens.
 *
 * <p>Why a required action and not a step of the browser flow: an app's {@code kc_action=anses-representacion}
 * (switching) can only start a required action, so the page has to be one anyway; a required action runs after
 * every flow that ends logged in — the login and Crear clave (the reset-credentials flow) alike — without a step
 * kept in step in two flows; it runs after the flows' own refusals (a level-3 app refuses a level-2 curador before
 * anything is asked); and it is triggered on the authentication session only, never stored on the user.
 *
 * <p>When it asks: after a login with the clave (a new session, {@code prompt=login}, Crear clave), not on SSO reuse
 * (the session's choice stands), and on {@code kc_action}. A citizen the padrón gives no ward in curatela never sees it.
 */
final class RepresentacionRequiredAction implements RequiredActionProvider {

    static final String CAMPO = "representa";
    static final String EVENT_DETAIL = "anses_representa";
    private static final String ELEGIDA = "anses.representacion.elegida";
    private static final String TEMPLATE = "anses-representacion.ftl";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED; // apps let the curador switch with kc_action=anses-representacion
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(ELEGIDA) != null || AuthenticatorUtil.isSSOAuthentication(authSession)
                || authSession.getRequiredActions().contains(RepresentacionRequiredActionFactory.PROVIDER_ID)) {
            return;
        }
        if (!Curadores.vigentes(context.getSession(), context.getUser()).isEmpty()) {
            authSession.addRequiredAction(RepresentacionRequiredActionFactory.PROVIDER_ID); // this login only, not the user
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        List<Representacion.Curado> vigentes = Curadores.vigentes(context.getSession(), context.getUser());
        if (vigentes.isEmpty()) {
            elegir(context, Representacion.PROPIA); // no ward (any longer): nothing to ask
            return;
        }
        String actual = actual(context).flatMap(nota -> Representacion.eleccion(nota, vigentes)).orElse(Representacion.PROPIA);
        context.challenge(context.form().setAttribute("curados", vigentes).setAttribute("elegida", actual)
                .createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        List<Representacion.Curado> vigentes = Curadores.vigentes(context.getSession(), context.getUser());
        Optional<String> eleccion = vigentes.isEmpty() ? Optional.of(Representacion.PROPIA)
                : Representacion.eleccion(form.getFirst(CAMPO), vigentes);
        if (eleccion.isEmpty()) {
            context.challenge(context.form().setAttribute("curados", vigentes).setAttribute("elegida", Representacion.PROPIA)
                    .addError(new FormMessage(CAMPO, "ansesRepresentacionElegi")).createForm(TEMPLATE));
            return;
        }
        elegir(context, eleccion.get());
    }

    /**
     * Keeps the choice for the user session (Keycloak copies the authentication session's user-session notes into
     * it, new or reused, when the login completes) and records it: Keycloak sends CUSTOM_REQUIRED_ACTION for this
     * action on success, with the ward's CUIL (or "propia") in {@code anses_representa}.
     */
    private static void elegir(RequiredActionContext context, String eleccion) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setUserSessionNote(Representacion.NOTA, eleccion);
        authSession.setAuthNote(ELEGIDA, eleccion);
        context.getEvent().detail(EVENT_DETAIL, eleccion);
        context.success();
    }

    /** The choice the open session holds (an app's kc_action on a running session), if any. */
    private static Optional<String> actual(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserSessionModel userSession = context.getSession().sessions().getUserSession(context.getRealm(),
                authSession.getParentSession().getId());
        if (userSession == null || !userSession.getUser().getId().equals(context.getUser().getId())) {
            return Optional.empty();
        }
        return Optional.ofNullable(userSession.getNote(Representacion.NOTA));
    }

    /**
     * Switching asks for no new login: the choice is among the wards the session's login already allowed, and it
     * changes no credential. Keycloak's default (5 minutes after the login) applies only if an admin configures
     * max_auth_age on this action; otherwise the session's own lifespan bounds it.
     */
    @Override
    public int getMaxAuthAge(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(RepresentacionRequiredActionFactory.PROVIDER_ID);
        RequiredActionConfigModel config = model == null ? null : realm.getRequiredActionConfigByAlias(model.getAlias());
        if (config != null && config.containsConfigKey(Constants.MAX_AUTH_AGE_KEY)) {
            return RequiredActionProvider.super.getMaxAuthAge(session);
        }
        return Math.max(realm.getSsoSessionMaxLifespan(), realm.getSsoSessionMaxLifespanRememberMe());
    }

    @Override
    public void close() {
    }
}
