package ar.gob.anses.clavess.avisos;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends committed notices on a thread of its own, each in a new Keycloak session, with the realm's SMTP settings and
 * the {@code anses} email theme. Nothing here can reach the citizen's request: it has already been answered. A
 * notice that cannot be sent is logged (WARN, without the address) and counted.
 */
final class EnvioAvisos {

    static final String TEMPLATE = "anses-aviso.ftl";
    static final ZoneId ARGENTINA = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Logger LOG = Logger.getLogger(EnvioAvisos.class);

    private final AtomicLong enviados = new AtomicLong();
    private final AtomicLong fallidos = new AtomicLong();
    private final AtomicLong sinDireccion = new AtomicLong();
    private final AtomicLong sinServidor = new AtomicLong();

    /** Notices waiting for the sender thread at most; past that a notice is dropped, logged and counted as failed. */
    static final int EN_ESPERA_MAXIMO = 10_000;

    /**
     * One thread, in commit order: a mail server that hangs holds back notices (each try is bounded by the realm's
     * SMTP timeouts, 10 s by default), never a request; the queue is bounded so that it cannot fill the memory.
     */
    private final ExecutorService hilo = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(EN_ESPERA_MAXIMO), tarea -> {
                Thread thread = new Thread(tarea, "anses-avisos");
                thread.setDaemon(true);
                return thread;
            });

    /** Queues the notice for the sender thread; never throws. */
    void enviarLuego(KeycloakSessionFactory factory, Pedido pedido) {
        try {
            hilo.execute(() -> enviar(factory, pedido));
        } catch (RejectedExecutionException e) {
            fallo(pedido, e);
        }
    }

    /** Stops taking notices; those queued are given a few seconds to go out. */
    void cerrar() {
        hilo.shutdown();
        try {
            hilo.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void enviar(KeycloakSessionFactory factory, Pedido pedido) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> enviarEn(session, pedido));
        } catch (RuntimeException e) {
            fallo(pedido, e);
        }
    }

    private void enviarEn(KeycloakSession session, Pedido pedido) {
        RealmModel realm = session.realms().getRealm(pedido.realmId());
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        UserModel user = pedido.cuenta().startsWith("cuil:")
                ? session.users().getUserByUsername(realm, pedido.cuenta().substring("cuil:".length()))
                : session.users().getUserById(realm, pedido.cuenta().substring("id:".length()));
        // An address of the notice's own (the one an email change replaced, verified until then) goes before the account's.
        String destino = pedido.aviso().direccion() != null ? pedido.aviso().direccion() : user == null ? null : user.getEmail();
        if (user == null || destino == null || destino.isBlank()
                || !(pedido.aviso().direccion() != null || user.isEmailVerified() || pedido.aviso().tipo().aDireccionSinVerificar())) {
            sinDireccion.incrementAndGet();
            LOG.debugf("Notice %s for user %s not sent: no verified address", pedido.aviso().tipo(), pedido.cuenta());
            return;
        }
        Map<String, String> smtp = realm.getSmtpConfig();
        if (smtp == null || smtp.get("host") == null || smtp.get("host").isBlank()) {
            sinServidor.incrementAndGet();
            LOG.infof("Notice %s for user %s not sent: realm %s has no SMTP server (Realm settings > Email)",
                    pedido.aviso().tipo(), user.getId(), realm.getName());
            return;
        }
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(pedido.aviso().tipo().asunto(),
                            List.of(String.valueOf(pedido.aviso().nivelAnterior()), String.valueOf(pedido.aviso().nivelNuevo())), TEMPLATE, atributos(pedido, realm), destino);
            enviados.incrementAndGet();
        } catch (EmailException e) {
            fallo(pedido, e);
        }
    }

    /** What the templates show; nothing else of the account reaches them but the user's names (Keycloak's {@code user}). */
    static Map<String, Object> atributos(Pedido pedido, RealmModel realm) {
        Map<String, Object> a = new HashMap<>();
        Aviso aviso = pedido.aviso();
        a.put("avisoTexto", aviso.tipo().texto());
        a.put("avisoTipo", aviso.tipo().name());
        a.put("nivelAnterior", String.valueOf(aviso.nivelAnterior()));
        a.put("nivelNuevo", String.valueOf(aviso.nivelNuevo()));
        a.put("bajoElNivel", aviso.bajoElNivel());
        a.put("cuando", FECHA.format(Instant.ofEpochMilli(pedido.cuando()).atZone(ARGENTINA)));
        a.put("porOficina", pedido.porOficina());
        a.put("ip", pedido.ip() == null ? "" : pedido.ip());
        Navegador navegador = Navegador.de(pedido.userAgent());
        a.put("navegador", navegador.familia() == null ? "" : navegador.familia());
        a.put("sistema", navegador.sistema() == null ? "" : navegador.sistema());
        if (pedido.baseUri() != null) {
            a.put("olvideMiClaveUrl", pedido.baseUri() + "realms/" + realm.getName() + "/login-actions/reset-credentials");
        }
        return a;
    }

    private void fallo(Pedido pedido, Exception e) {
        fallidos.incrementAndGet();
        Throwable causa = e;
        while (causa.getCause() != null && causa.getCause() != causa) {
            causa = causa.getCause();
        }
        String mensaje = causa.getMessage() == null || causa.getMessage().contains("@") ? "" : causa.getMessage(); // no address in the log
        LOG.warnf("Notice %s for user %s not sent: %s %s", pedido.aviso().tipo(), pedido.cuenta(),
                causa.getClass().getSimpleName(), mensaje);
    }

    /** The counters shown in Server Info (and read by the tests): sent, failed, skipped for want of an address or a server. */
    Map<String, String> contadores() {
        Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("enviados", String.valueOf(enviados.get()));
        c.put("fallidos", String.valueOf(fallidos.get()));
        c.put("sinDireccion", String.valueOf(sinDireccion.get()));
        c.put("sinServidor", String.valueOf(sinServidor.get()));
        return c;
    }
}
