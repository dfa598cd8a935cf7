package ar.gob.anses.clavess.flujo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The one way our mail leaves: a template of the {@code anses} email theme, through Keycloak's
 * {@link EmailTemplateProvider} and the realm's SMTP server (Realm settings &gt; Email), never inside a citizen's
 * request. Two callers, which differ only in what keeps a message until it is sent: the notices
 * ({@code avisos.EnvioAvisos}) keep theirs in the outbox table and retry them, because a notice must survive a
 * restart; Crear clave's address code ({@link #enviarTrasCommit}) is never written anywhere (the session keeps only its
 * hash), so it is handed to Keycloak's executor once the request commits and, if it fails, the citizen asks for
 * another (Reenviar).
 */
public final class Correo {

    private static final Logger LOG = Logger.getLogger(Correo.class);
    /** Keycloak's executor (an {@link ExecutorsProvider} pool) that sends the messages not kept in a table. */
    static final String EXECUTOR = "anses-correo";

    /**
     * One message: the subject's message key and its arguments, the template and what it shows (Keycloak's template
     * provider adds the realm, the user and the locale to a copy of it).
     */
    public record Mensaje(String asunto, List<Object> argumentosAsunto, String template, Map<String, Object> atributos) {
    }

    private Correo() {
    }

    /** Whether the realm has an SMTP server to send through. */
    public static boolean hayServidor(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    /**
     * Sends {@code mensaje} to {@code destino} now, in {@code realm} (set as the session's), to {@code user} when
     * known (null: no user's names in the template); throws what the server or the template threw.
     */
    public static void enviar(KeycloakSession session, RealmModel realm, UserModel user, Mensaje mensaje, String destino)
            throws EmailException {
        session.getContext().setRealm(realm);
        EmailTemplateProvider email = session.getProvider(EmailTemplateProvider.class).setRealm(realm);
        if (user != null) {
            email.setUser(user);
        }
        email.send(mensaje.asunto(), mensaje.argumentosAsunto(), mensaje.template(), new HashMap<>(mensaje.atributos()), destino);
    }

    /**
     * Sends {@code mensaje} once the session's transaction has committed (nothing when it rolls back), on Keycloak's
     * executor, in a transaction of its own; a failure is logged ({@code que} says what was not sent) and not retried.
     */
    public static void enviarTrasCommit(KeycloakSession session, String realmId, String userId, Mensaje mensaje, String destino,
            String que) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        var executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> enviarAhora(factory, realmId, userId, mensaje, destino, que));
                } catch (RuntimeException e) {
                    LOG.warnf("%s of user %s was not sent: %s", que, userId, causa(e));
                }
            }

            @Override
            protected void rollbackImpl() {
                // Nothing of the request was kept: nothing to send.
            }
        });
    }

    private static void enviarAhora(KeycloakSessionFactory factory, String realmId, String userId, Mensaje mensaje, String destino,
            String que) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
                try {
                    enviar(session, realm, user, mensaje, destino);
                } catch (EmailException e) {
                    LOG.warnf("%s of user %s was not sent: %s", que, userId, causa(e)); // no address in the log
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("%s of user %s was not sent: %s", que, userId, causa(e));
        }
    }

    /** The innermost cause's class and message, without an address (a mail server may quote the recipient). */
    public static String causa(Throwable e) {
        Throwable causa = e;
        while (causa.getCause() != null && causa.getCause() != causa) {
            causa = causa.getCause();
        }
        String mensaje = causa.getMessage() == null || causa.getMessage().contains("@") ? "" : causa.getMessage();
        return (causa.getClass().getSimpleName() + " " + mensaje).strip();
    }
}
