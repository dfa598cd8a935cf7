package ar.gob.anses.clavess.flujo;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "El sistema está temporalmente saturado. Probá de nuevo en unos minutos." (seed 001): what a citizen sees, instead
 * of Keycloak's generic error, when a database a step needs does not answer: the padrón on PostgreSQL (a lookup that
 * times out or cannot connect) or Keycloak's own (the attempt counters, the pending claves). Every step of ours is
 * wrapped here by its factory ({@link PasoFactory}, {@link AccionRequeridaFactory}, the login form's): a failure whose
 * cause is a {@link SQLException} ends the request with this page (503) and rolls back the request's transaction, so
 * nothing it had begun is kept. The attempt counters charge in transactions of their own only once the person was
 * read from the padrón, and roll back with an exception thrown while judging: a database that does not answer counts
 * no attempt against the citizen. Any other exception is Keycloak's to handle, as before.
 */
public final class SistemaSaturado {

    static final String TEMPLATE = "anses-info.ftl";
    static final String TITULO = "ansesSistemaSaturadoTitulo";
    static final String MENSAJE = "ansesSistemaSaturado";

    private static final Logger LOG = Logger.getLogger(SistemaSaturado.class);

    private SistemaSaturado() {
    }

    /** Whether {@code e} comes from a database that did not answer (its causes include a {@link SQLException}). */
    public static boolean esCaida(Throwable e) {
        for (Throwable causa = e; causa != null; causa = causa.getCause() == causa ? null : causa.getCause()) {
            if (causa instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** {@code paso}, answering with this page when a database it needs does not answer. */
    public static Authenticator atendido(Authenticator paso) {
        return new PasoAtendido(paso);
    }

    /** {@code accion}, the same; its trigger, when the database does not answer, asks nothing (the login goes on). */
    public static RequiredActionProvider atendida(RequiredActionProvider accion) {
        return new AccionAtendida(accion);
    }

    private static Response pagina(KeycloakSession session, LoginFormsProvider form, RuntimeException e) {
        if (!esCaida(e)) {
            throw e;
        }
        LOG.warnf("A database did not answer; the citizen was told to try again: %s", e.toString());
        session.getTransactionManager().setRollbackOnly();
        return form.setAttribute("ansesTitulo", TITULO).setError(MENSAJE).setStatus(Response.Status.SERVICE_UNAVAILABLE)
                .createForm(TEMPLATE);
    }

    private record PasoAtendido(Authenticator paso) implements Authenticator {

        @Override
        public void authenticate(AuthenticationFlowContext context) {
            try {
                paso.authenticate(context);
            } catch (RuntimeException e) {
                context.challenge(pagina(context.getSession(), context.form(), e));
            }
        }

        @Override
        public void action(AuthenticationFlowContext context) {
            try {
                paso.action(context);
            } catch (RuntimeException e) {
                context.challenge(pagina(context.getSession(), context.form(), e));
            }
        }

        @Override
        public boolean requiresUser() {
            return paso.requiresUser();
        }

        @Override
        public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
            return paso.configuredFor(session, realm, user);
        }

        @Override
        public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
            paso.setRequiredActions(session, realm, user);
        }

        @Override
        public List<RequiredActionFactory> getRequiredActions(KeycloakSession session) {
            return paso.getRequiredActions(session);
        }

        @Override
        public boolean areRequiredActionsEnabled(KeycloakSession session, RealmModel realm) {
            return paso.areRequiredActionsEnabled(session, realm);
        }

        @Override
        public void close() {
            paso.close();
        }
    }

    private record AccionAtendida(RequiredActionProvider accion) implements RequiredActionProvider {

        @Override
        public void evaluateTriggers(RequiredActionContext context) {
            try {
                accion.evaluateTriggers(context);
            } catch (RuntimeException e) {
                if (!esCaida(e)) {
                    throw e;
                }
                // Asked of every login (a curador's wards): without its database the login goes on without the action.
                LOG.warnf("A database did not answer; required action not triggered: %s", e.toString());
            }
        }

        @Override
        public void requiredActionChallenge(RequiredActionContext context) {
            try {
                accion.requiredActionChallenge(context);
            } catch (RuntimeException e) {
                context.challenge(pagina(context.getSession(), context.form(), e));
            }
        }

        @Override
        public void processAction(RequiredActionContext context) {
            try {
                accion.processAction(context);
            } catch (RuntimeException e) {
                context.challenge(pagina(context.getSession(), context.form(), e));
            }
        }

        @Override
        public InitiatedActionSupport initiatedActionSupport() {
            return accion.initiatedActionSupport();
        }

        @Override
        public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
            accion.initiatedActionCanceled(session, authSession);
        }

        @Override
        public int getMaxAuthAge() {
            return accion.getMaxAuthAge();
        }

        @Override
        public int getMaxAuthAge(KeycloakSession session) {
            return accion.getMaxAuthAge(session);
        }

        @Override
        public void close() {
            accion.close();
        }
    }
}
