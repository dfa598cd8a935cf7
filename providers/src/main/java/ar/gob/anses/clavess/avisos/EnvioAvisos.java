package ar.gob.anses.clavess.avisos;

import ar.gob.anses.clavess.almacen.AvisoEntity;
import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.flujo.Correo;
import ar.gob.anses.clavess.nofuiyo.EnlaceNoFuiYo;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends the notices of the outbox (ANSES_AVISO) on a thread of its own, one notice per transaction: the row is locked
 * (SKIP LOCKED), the message handed to the realm's SMTP server with the {@code anses} email theme, and the row deleted
 * in the same transaction; a failed try reschedules it with {@link Reintentos}. Whichever node or thread locks a row
 * sends it; the others skip it, so a notice goes out once however many nodes look. Two things start a send: the
 * commit of the change ({@link #enviarLuego}, so that it leaves within a second) and the periodic look for what is
 * left ({@link #revisarLuego}). Nothing here can reach the citizen's request: it has already been answered.
 */
final class EnvioAvisos {

    static final String TEMPLATE = "anses-aviso.ftl";
    /** Notices looked at per query of a periodic look; it queries again while it makes progress. */
    static final int LOTE = 100;
    /**
     * Sends waiting for the thread at most; past that the send after commit is not queued, and the periodic look
     * sends that notice: nothing is lost, it is only later.
     */
    static final int EN_COLA_MAXIMO = 10_000;
    /** The metrics on the management port (Micrometer): {@code anses_avisos_total{resultado=…}}, {@code anses_avisos_en_espera}. */
    static final String METRICA = "anses.avisos";
    static final String METRICA_EN_ESPERA = "anses.avisos.en.espera";

    private static final Logger LOG = Logger.getLogger(EnvioAvisos.class);

    /** What became of one try. */
    enum Resultado {
        ENVIADO, REINTENTADO, ABANDONADO, SIN_DIRECCION, SIN_SERVIDOR,
        /** Not this sender's: gone, locked by another, not due, or its realm's server already failed in this look. */
        OMITIDO
    }

    private final AtomicLong enviados = new AtomicLong();
    private final AtomicLong reintentados = new AtomicLong();
    private final AtomicLong abandonados = new AtomicLong();
    private final AtomicLong sinDireccion = new AtomicLong();
    private final AtomicLong sinServidor = new AtomicLong();
    /** The outbox's row count at the last look of this node, for the gauge (read without a database call). */
    private final AtomicLong enEspera = new AtomicLong();
    private final AtomicBoolean revisionEnCola = new AtomicBoolean();
    private final AtomicBoolean sinDireccionPublicaAvisado = new AtomicBoolean();
    private final List<Meter> metricas = new ArrayList<>();

    private volatile AvisosConfig config = AvisosConfig.POR_DEFECTO;

    /**
     * One thread, in commit order: a mail server that hangs holds back notices (each try is bounded by the realm's
     * SMTP timeouts, 10 s by default), never a request.
     */
    private final ExecutorService hilo = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(EN_COLA_MAXIMO), tarea -> {
                Thread thread = new Thread(tarea, "anses-avisos");
                thread.setDaemon(true);
                return thread;
            });

    void configurar(AvisosConfig config) {
        this.config = config;
    }

    AvisosConfig config() {
        return config;
    }

    /** Sends the notice {@code id}, committed just now, on the sender thread; never throws. */
    void enviarLuego(KeycloakSessionFactory factory, String id) {
        if (!config.enviar()) {
            return;
        }
        try {
            hilo.execute(() -> enviar(factory, id, new HashSet<>()));
        } catch (RejectedExecutionException e) {
            LOG.debugf("Notice %s left to the periodic look: %s", id, e.getMessage());
        }
    }

    /** Queues one look for every due notice, unless one is already queued; never throws. */
    void revisarLuego(KeycloakSessionFactory factory) {
        if (!config.enviar() || !revisionEnCola.compareAndSet(false, true)) {
            return;
        }
        try {
            hilo.execute(() -> {
                revisionEnCola.set(false);
                revisar(factory);
            });
        } catch (RejectedExecutionException e) {
            revisionEnCola.set(false);
        }
    }

    /** Stops sending; what is not sent stays in the outbox for the next start or another node. */
    void cerrar() {
        hilo.shutdown();
        try {
            hilo.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hilo.shutdownNow();
    }

    /** Every notice due now, longest due first; a realm whose server fails is not tried again in this look. */
    void revisar(KeycloakSessionFactory factory) {
        try {
            long ahora = Time.currentTimeMillis();
            Set<String> realmsCaidos = new HashSet<>();
            boolean progreso = true;
            while (progreso) {
                List<String> ids = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                        session -> new BandejaSalidaStore(session).vencidos(ahora, LOTE));
                progreso = false;
                for (String id : ids) {
                    progreso |= enviar(factory, id, realmsCaidos) != Resultado.OMITIDO;
                }
                progreso &= ids.size() == LOTE;
            }
            contarEnEspera(factory);
        } catch (RuntimeException e) {
            LOG.warnf("Looking for notices to send failed: %s; the next look tries again", Correo.causa(e));
        }
    }

    /** Reads the outbox's size (every node's notices) into the gauge. */
    long contarEnEspera(KeycloakSessionFactory factory) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, this::contarEnEspera);
    }

    long contarEnEspera(KeycloakSession session) {
        long n = new BandejaSalidaStore(session).enEspera();
        enEspera.set(n);
        return n;
    }

    /** One try of one notice, in a transaction of its own; counted once that transaction has committed. */
    Resultado enviar(KeycloakSessionFactory factory, String id, Set<String> realmsCaidos) {
        Resultado resultado;
        try {
            resultado = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> enviarEn(session, id, realmsCaidos));
        } catch (RuntimeException e) {
            // The database, not the mail: the row is as it was and is tried again at the next look.
            LOG.warnf("Notice %s not sent: %s; it stays in the outbox", id, Correo.causa(e));
            return Resultado.OMITIDO;
        }
        AtomicLong contador = switch (resultado) {
            case ENVIADO -> enviados;
            case REINTENTADO -> reintentados;
            case ABANDONADO -> abandonados;
            case SIN_DIRECCION -> sinDireccion;
            case SIN_SERVIDOR -> sinServidor;
            case OMITIDO -> null;
        };
        if (contador != null) {
            contador.incrementAndGet();
        }
        return resultado;
    }

    private Resultado enviarEn(KeycloakSession session, String id, Set<String> realmsCaidos) {
        BandejaSalidaStore bandeja = new BandejaSalidaStore(session);
        AvisoEntity fila = bandeja.tomar(id);
        long ahora = Time.currentTimeMillis();
        if (fila == null || fila.proximoIntento() > ahora) {
            return Resultado.OMITIDO;
        }
        if (realmsCaidos.contains(fila.realmId())) {
            return enRealmCaido(bandeja, fila, ahora);
        }
        Pedido pedido = pedido(bandeja, fila);
        RealmModel realm = session.realms().getRealm(fila.realmId());
        if (pedido == null || realm == null) {
            bandeja.borrar(fila);
            return pedido == null ? Resultado.ABANDONADO : Resultado.SIN_DIRECCION;
        }
        session.getContext().setRealm(realm);
        UserModel user = session.users().getUserById(realm, fila.userId());
        String destino = user == null ? null : destino(pedido.aviso(), user);
        Resultado sinEnviar = sinEnviar(pedido, realm, fila.userId(), user, destino);
        if (sinEnviar != null) {
            bandeja.borrar(fila);
            return sinEnviar;
        }
        try {
            Correo.enviar(session, realm, user, mensaje(session, pedido, realm, user), destino);
        } catch (Exception e) {
            // Refused, down, timed out, or the template failed: this try is charged, the row stays locked to the end.
            realmsCaidos.add(fila.realmId());
            return fallido(bandeja, fila, pedido, Correo.causa(e), ahora);
        }
        bandeja.borrar(fila);
        return Resultado.ENVIADO;
    }

    /** A notice of a realm whose server failed in this look: not tried and not charged, unless it is old enough to give up. */
    private Resultado enRealmCaido(BandejaSalidaStore bandeja, AvisoEntity fila, long ahora) {
        if (!config.reintentos().vencido(fila.creado(), ahora)) {
            return Resultado.OMITIDO;
        }
        bandeja.borrar(fila);
        abandonado(fila, "its realm's mail server was failing");
        return Resultado.ABANDONADO;
    }

    /** The notice as it was decided; null (and a line in the log) when its kind no longer exists. */
    private static Pedido pedido(BandejaSalidaStore bandeja, AvisoEntity fila) {
        try {
            return BandejaSalidaStore.pedido(fila);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Notice %s of unknown kind %s given up", fila.id(), fila.tipo());
            return null;
        }
    }

    /** Why the notice cannot go at all (no address it may go to, no SMTP server), or null when it can be sent. */
    private static Resultado sinEnviar(Pedido pedido, RealmModel realm, String userId, UserModel user, String destino) {
        Aviso aviso = pedido.aviso();
        if (destino == null || !(aviso.direccion() != null || user.isEmailVerified() || aviso.tipo().aDireccionSinVerificar())) {
            LOG.debugf("Notice %s for user %s not sent: no verified address", aviso.tipo(), userId);
            return Resultado.SIN_DIRECCION;
        }
        if (!Correo.hayServidor(realm)) {
            LOG.infof("Notice %s for user %s not sent: realm %s has no SMTP server (Realm settings > Email)",
                    aviso.tipo(), userId, realm.getName());
            return Resultado.SIN_SERVIDOR;
        }
        return null;
    }

    /** The message of one try; a retried notice's No fui yo link is a fresh signed token, as long-lived as a first one's. */
    private static Correo.Mensaje mensaje(KeycloakSession session, Pedido pedido, RealmModel realm, UserModel user) {
        Map<String, Object> atributos = atributos(pedido, realm);
        if (pedido.baseUri() != null && pedido.aviso().tipo().conNoFuiYo()) {
            atributos.put("noFuiYoUrl", EnlaceNoFuiYo.crear(session, realm, user.getId(), pedido.baseUri()));
            int vigencia = EnlaceNoFuiYo.vigencia(realm);
            atributos.put("noFuiYoDias", EnlaceNoFuiYo.dias(vigencia));
            atributos.put("noFuiYoHoras", EnlaceNoFuiYo.horas(vigencia));
        }
        Aviso aviso = pedido.aviso();
        return new Correo.Mensaje(aviso.tipo().asunto(),
                List.of(String.valueOf(aviso.nivelAnterior()), String.valueOf(aviso.nivelNuevo())), TEMPLATE, atributos);
    }

    /** A failed try: rescheduled with {@link Reintentos}, or given up when the notice is old enough. */
    private Resultado fallido(BandejaSalidaStore bandeja, AvisoEntity fila, Pedido pedido, String error, long ahora) {
        var proximo = config.reintentos().proximoIntento(fila.intentos() + 1, fila.creado(), ahora);
        if (proximo.isEmpty()) {
            bandeja.borrar(fila);
            abandonado(fila, error);
            return Resultado.ABANDONADO;
        }
        fila.fallo(error, proximo.getAsLong());
        LOG.infof("Notice %s for user %s not sent (try %d): %s; next try at %s", pedido.aviso().tipo(), fila.userId(),
                fila.intentos(), error, Instant.ofEpochMilli(proximo.getAsLong()));
        return Resultado.REINTENTADO;
    }

    /**
     * Where a notice of this account goes, verified or not: an address of the notice's own (the one an email change
     * replaced, verified until then) before the account's; null when there is none.
     */
    static String destino(Aviso aviso, UserModel user) {
        String destino = aviso.direccion() != null ? aviso.direccion() : user.getEmail();
        return destino == null || destino.isBlank() ? null : destino;
    }

    private static void abandonado(AvisoEntity fila, String error) {
        LOG.warnf("Notice %s for user %s given up after %d tries since %s: %s", fila.tipo(), fila.userId(), fila.intentos(),
                Instant.ofEpochMilli(fila.creado()), error);
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
        a.put("claveSegura", aviso.tipo().claveSegura());
        a.put("cuando", HoraArgentina.FECHA_HORA.format(Instant.ofEpochMilli(pedido.cuando())));
        a.put("porOficina", pedido.porOficina());
        a.put("ip", pedido.ip() == null ? "" : pedido.ip());
        Navegador navegador = pedido.navegador();
        a.put("navegador", navegador.familia() == null ? "" : navegador.familia());
        a.put("sistema", navegador.sistema() == null ? "" : navegador.sistema());
        if (pedido.baseUri() != null) {
            a.put("olvideMiClaveUrl", pedido.baseUri() + "realms/" + realm.getName() + "/login-actions/reset-credentials");
        }
        return a;
    }

    /**
     * This node's counters since it started, and the outbox's size, as Server Info shows them: waiting (all nodes'),
     * sent, tries that failed and were rescheduled, given up, skipped for want of a verified address or of an SMTP server.
     */
    Map<String, String> contadores(long enEsperaAhora) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("enEspera", String.valueOf(enEsperaAhora));
        c.put("enviados", String.valueOf(enviados.get()));
        c.put("reintentados", String.valueOf(reintentados.get()));
        c.put("abandonados", String.valueOf(abandonados.get()));
        c.put("sinDireccion", String.valueOf(sinDireccion.get()));
        c.put("sinServidor", String.valueOf(sinServidor.get()));
        c.put("enviar", String.valueOf(config.enviar()));
        return c;
    }

    /**
     * Says once per node, at the first notice queued without a configured public address, that notices go without
     * links until one is configured (a link built from the request could point wherever its Host header says).
     */
    void sinDireccionPublica(String realm) {
        if (sinDireccionPublicaAvisado.compareAndSet(false, true)) {
            LOG.warnf("Notice of realm %s queued without a public address: neither the hostname option nor the realm's "
                    + "Frontend URL is set, so notices like it go without their Olvidé mi clave and No fui yo links (never "
                    + "links built from a request's Host header). Set --hostname=https://<public address>", realm);
        }
    }

    /** Counts a notice dropped before it reached the outbox (no such user). */
    void sinDireccion() {
        sinDireccion.incrementAndGet();
    }

    /** Registers the counters and the gauge with {@code registry} (Keycloak's: {@code Metrics.globalRegistry}). */
    void registrarMetricas(MeterRegistry registry) {
        Map<String, AtomicLong> porResultado = new LinkedHashMap<>();
        porResultado.put("enviado", enviados);
        porResultado.put("reintentado", reintentados);
        porResultado.put("abandonado", abandonados);
        porResultado.put("sin_direccion", sinDireccion);
        porResultado.put("sin_servidor", sinServidor);
        porResultado.forEach((resultado, contador) -> metricas.add(FunctionCounter.builder(METRICA, contador, AtomicLong::doubleValue)
                .tag("resultado", resultado).description("Notices of account changes by what became of each try, on this node")
                .register(registry)));
        metricas.add(Gauge.builder(METRICA_EN_ESPERA, enEspera, AtomicLong::doubleValue)
                .description("Notices waiting in the outbox (all nodes'), at this node's last look").register(registry));
    }

    void quitarMetricas(MeterRegistry registry) {
        metricas.forEach(registry::remove);
        metricas.clear();
    }
}
