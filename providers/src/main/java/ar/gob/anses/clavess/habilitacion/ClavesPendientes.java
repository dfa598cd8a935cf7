package ar.gob.anses.clavess.habilitacion;

import ar.gob.anses.clavess.almacen.SolicitudPendienteEntity;
import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.CodigoVerificacion;
import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.IntentosVerificacionStore;
import ar.gob.anses.clavess.verificacion.TipoIntentos;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.Provider;

/**
 * The pending claves of residents abroad: requests in ANSES_SOLICITUD_PENDIENTE, never Keycloak users. Whoever knows a
 * CUIL can register one, so a request holds nothing: no account, no level, no session, no second factor, no verified
 * email. A CUIL may have up to {@code maximoPorCuil} open at once, each with its own clave, email, USI-07 code,
 * deadline and enablement attempts; none blocks another, and none can be refused: one address holds one request per
 * CUIL (a new one replaces it), and past the cap the oldest gives way. A request is registered and answered the same
 * whether or not the CUIL has an account (so nothing tells them apart), and never opens that account. The first one
 * enabled (online questions, an office with its form's code) becomes the account and the others are deleted; a person
 * who proves identity in Crear clave, or is served at an office with the DNI, discards them all. Every change of a
 * CUIL's requests or account made here runs under that CUIL's row lock (the enablement attempts' row in
 * ANSES_VERIFICACION), in a transaction committed before the caller goes on, so two nodes enabling two requests at
 * once give one account, and parallel registrations never keep more than {@code maximoPorCuil}.
 */
public final class ClavesPendientes implements Provider {

    /** Event detail on the deletion of an expired pending clave (DELETE_ACCOUNT). */
    public static final String MOTIVO = "anses_motivo";
    public static final String MOTIVO_VENCIDA = "anses_clave_pendiente_vencida";
    /** Auth note of a login made with a pending request's clave: the request's id (there is no user). */
    public static final String NOTA_SOLICITUD = "anses.solicitud.pendiente";

    private static final Logger LOG = Logger.getLogger(ClavesPendientes.class);
    private static final SecureRandom AZAR = new SecureRandom();
    private static final int SORTEOS_CODIGO = 8;

    private final KeycloakSession session;
    private final PlazoHabilitacion plazo;
    private final int maximoPorCuil;

    ClavesPendientes(KeycloakSession session, PlazoHabilitacion plazo, int maximoPorCuil) {
        this.session = session;
        this.plazo = plazo;
        this.maximoPorCuil = maximoPorCuil;
    }

    /** A request as the pages and the office see it; its clave never leaves this class. */
    public record Solicitud(String id, String cuil, String email, String codigoUsi07, long creadaMillis, String politicasVersion) {

        static Solicitud de(SolicitudPendienteEntity e) {
            return new Solicitud(e.getId(), e.getCuil(), e.getEmail(), e.getCodigoUsi07(), e.getCreada(), e.getPoliticasVersion());
        }
    }

    /** What a registration did to the CUIL's other requests (for the event; the citizen is shown the same page). */
    public enum Registro {
        /** A new request beside the others. */
        NUEVA,
        /** It replaced the open request made from the same address. */
        REEMPLAZADA,
        /** The CUIL had {@code maximoPorCuil} open requests: the oldest gave way. */
        DESALOJADA
    }

    public PlazoHabilitacion plazo() {
        return plazo;
    }

    public long venceMillis(Solicitud solicitud) {
        return plazo.venceMillis(solicitud.creadaMillis());
    }

    public long diasRestantes(Solicitud solicitud) {
        return plazo.diasRestantes(solicitud.creadaMillis(), Time.currentTimeMillis());
    }

    public boolean vencida(Solicitud solicitud) {
        return plazo.vencida(solicitud.creadaMillis(), Time.currentTimeMillis());
    }

    /**
     * Registers a pending clave for {@code cuil} made from {@code direccion}, whether or not the CUIL has an account (its
     * clave never opens that account, and nothing tells the two apart). The clave is hashed first; the CUIL's expired
     * requests are deleted, an open one made from the same address is replaced, and past {@code maximoPorCuil} the
     * oldest gives way, so no one can fill a CUIL's slots and keep its owner from registering. The policy and the fields
     * were checked by the caller.
     */
    public Registro registrar(RealmModel realm, String cuil, String clave, String email, String politicasVersion, String direccion) {
        PasswordCredentialModel credencial = cifrar(realm, clave);
        return bajoBloqueo(realm, cuil, (enTx, realmTx) -> enTx.registrarBajoBloqueo(realmTx, cuil, credencial, email, politicasVersion, direccion));
    }

    private Registro registrarBajoBloqueo(RealmModel realm, String cuil, PasswordCredentialModel credencial, String email,
            String politicasVersion, String direccion) {
        List<SolicitudPendienteEntity> abiertas = new ArrayList<>();
        for (SolicitudPendienteEntity e : entidadesDelCuil(realm, cuil)) {
            if (!eliminarVencida(realm, Solicitud.de(e))) {
                abiertas.add(e);
            }
        }
        Registro registro = Registro.NUEVA;
        Optional<SolicitudPendienteEntity> mismaDireccion = abiertas.stream()
                .filter(e -> direccion != null && direccion.equals(e.getDireccion())).findFirst();
        if (mismaDireccion.isPresent()) {
            em().remove(mismaDireccion.get());
            registro = Registro.REEMPLAZADA;
        } else {
            while (abiertas.size() >= maximoPorCuil) {
                em().remove(abiertas.remove(0)); // oldest first
                registro = Registro.DESALOJADA;
            }
        }
        em().flush(); // the code of a request given way is free again before a new one is drawn
        em().persist(new SolicitudPendienteEntity(UUID.randomUUID().toString(), realm.getId(), cuil, credencial.getSecretData(),
                credencial.getCredentialData(), email, codigoLibre(realm), politicasVersion, Time.currentTimeMillis(), direccion));
        return registro;
    }

    /**
     * A pending clave of the agency's legacy system, moved here at its first login: a request with that clave (already
     * hashed with {@link #cifrar}), its email and its original creation date, from which its days run; {@code ademas}
     * runs in the same transaction (the legacy entry's retirement). Empty, with nothing changed, when the CUIL has an
     * account by now.
     */
    public Optional<Solicitud> registrarLegada(RealmModel realm, String cuil, PasswordCredentialModel credencial, String email,
                                               long creadaMillis, Consumer<KeycloakSession> ademas) {
        return bajoBloqueo(realm, cuil, (enTx, realmTx) -> enTx.registrarLegadaBajoBloqueo(realmTx, cuil, credencial, email, creadaMillis, ademas));
    }

    private Optional<Solicitud> registrarLegadaBajoBloqueo(RealmModel realm, String cuil, PasswordCredentialModel credencial,
                                                          String email, long creadaMillis, Consumer<KeycloakSession> ademas) {
        if (session.users().getUserByUsername(realm, cuil) != null) {
            return Optional.empty();
        }
        SolicitudPendienteEntity e = new SolicitudPendienteEntity(UUID.randomUUID().toString(), realm.getId(), cuil,
                credencial.getSecretData(), credencial.getCredentialData(), email, codigoLibre(realm), null, creadaMillis, null);
        em().persist(e);
        ademas.accept(session);
        return Optional.of(Solicitud.de(e));
    }

    /** The clave hashed as the realm's policy says (Argon2 by default), without the policy's rules: a stored clave. */
    public PasswordCredentialModel cifrar(RealmModel realm, String clave) {
        return hash(realm).encodedCredential(clave, realm.getPasswordPolicy().getHashIterations());
    }

    /**
     * The request of {@code cuil} whose clave this is, expired or not, after exactly {@code maximoPorCuil} hash
     * computations (a dummy for each slot without a request): the work is the same for every CUIL, whatever it has.
     */
    public Optional<Solicitud> conClave(RealmModel realm, String cuil, String clave) {
        return ComparacionFija.primera(entidadesDelCuil(realm, cuil), maximoPorCuil, e -> claveCorrecta(realm, e, clave),
                () -> hash(realm).encodedCredential(UUID.randomUUID().toString(), realm.getPasswordPolicy().getHashIterations()))
                .map(Solicitud::de);
    }

    public Optional<Solicitud> buscar(RealmModel realm, String id) {
        SolicitudPendienteEntity e = id == null ? null : em().find(SolicitudPendienteEntity.class, id);
        return e == null || !e.getRealmId().equals(realm.getId()) ? Optional.empty() : Optional.of(Solicitud.de(e));
    }

    /** The request whose current Formulario USI-07 carries this code (canonical form). */
    public Optional<Solicitud> porCodigo(RealmModel realm, String codigo) {
        return em().createNamedQuery("ansesSolicitudPorCodigo", SolicitudPendienteEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("codigo", codigo)
                .getResultStream().findFirst().map(Solicitud::de);
    }

    /** The CUIL's requests, oldest first, expired ones included. */
    public List<Solicitud> delCuil(RealmModel realm, String cuil) {
        return entidadesDelCuil(realm, cuil).stream().map(Solicitud::de).toList();
    }

    /** How the account an enablement creates comes to be. */
    public record Habilitacion(int nivel, Persona persona, Consumer<UserModel> ademas) {
    }

    /**
     * Turns the request into the CUIL's account: username = CUIL, the registry's data, the request's clave, email (not
     * verified: the agency confirms the enablement to it) and USI-07 code, {@link EstadoClave#HABILITADA} with the level
     * given; every other request of the CUIL is deleted. Empty when the request is gone (enabled, replaced or deleted
     * meanwhile) or expired, or the CUIL has an account already: then nothing changes.
     */
    public Optional<String> habilitar(RealmModel realm, Solicitud solicitud, Habilitacion habilitacion) {
        return bajoBloqueo(realm, solicitud.cuil(), (enTx, realmTx) -> enTx.habilitarBajoBloqueo(realmTx, solicitud, habilitacion));
    }

    private Optional<String> habilitarBajoBloqueo(RealmModel realm, Solicitud solicitud, Habilitacion habilitacion) {
        SolicitudPendienteEntity e = em().find(SolicitudPendienteEntity.class, solicitud.id());
        if (e == null || vencida(Solicitud.de(e)) || session.users().getUserByUsername(realm, solicitud.cuil()) != null) {
            return Optional.empty();
        }
        UserModel user = session.users().addUser(realm, solicitud.cuil());
        habilitacion.persona().identidad().escribirEn(user);
        Cuenta.habilitar(user, habilitacion.nivel(), e.getPoliticasVersion());
        user.setEmail(e.getEmail());
        user.setEmailVerified(false);
        user.setSingleAttribute(Atributos.CODIGO_USI07, e.getCodigoUsi07());
        PasswordCredentialModel clave = credencial(e);
        clave.setCreatedDate(e.getCreada());
        user.credentialManager().createStoredCredential(clave);
        borrarDelCuil(realm, solicitud.cuil());
        habilitacion.ademas().accept(user);
        return Optional.of(user.getId());
    }

    /**
     * Creates the account of a CUIL that has none for a person whose identity was proven some other way (an office with
     * the DNI), discarding its requests: {@code crear} builds it in the same transaction. Empty if it has an account.
     */
    public <T> Optional<T> reemplazar(RealmModel realm, String cuil, java.util.function.Function<KeycloakSession, T> crear) {
        return bajoBloqueo(realm, cuil, (enTx, realmTx) -> {
            if (enTx.session.users().getUserByUsername(realmTx, cuil) != null) {
                return Optional.<T>empty();
            }
            enTx.borrarDelCuil(realmTx, cuil);
            return Optional.of(crear.apply(enTx.session));
        });
    }

    /** Deletes every request of the CUIL (its owner proved identity in this request's transaction); how many. */
    public int descartar(RealmModel realm, String cuil) {
        return borrarDelCuil(realm, cuil);
    }

    /** Deletes an expired request, with its event (no user: a request never was one). */
    public boolean eliminarVencida(RealmModel realm, Solicitud solicitud) {
        if (!vencida(solicitud)) {
            return false;
        }
        SolicitudPendienteEntity e = em().find(SolicitudPendienteEntity.class, solicitud.id());
        if (e == null) {
            return false;
        }
        em().remove(e);
        new EventBuilder(realm, session).event(EventType.DELETE_ACCOUNT)
                .detail("username", solicitud.cuil()).detail(MOTIVO, MOTIVO_VENCIDA).success();
        return true;
    }

    /** Deletes every expired request of the realm; how many. */
    public int eliminarVencidas(RealmModel realm) {
        long creadaHasta = Time.currentTimeMillis() - (plazo.venceMillis(0));
        return (int) em().createNamedQuery("ansesSolicitudesVencidas", SolicitudPendienteEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("creadaHasta", creadaHasta)
                .getResultList().stream().map(Solicitud::de).filter(s -> eliminarVencida(realm, s)).count();
    }

    /**
     * A pending clave of an earlier version of Clave SS, kept as a Keycloak user with {@code estadoClave=PENDIENTE}: it
     * becomes a request with the same clave, email, code and creation date, and the user is removed. The request, if made.
     */
    public Optional<Solicitud> migrar(RealmModel realm, String cuil) {
        return bajoBloqueo(realm, cuil, (enTx, realmTx) -> enTx.migrarBajoBloqueo(realmTx, cuil));
    }

    private Optional<Solicitud> migrarBajoBloqueo(RealmModel realm, String cuil) {
        UserModel user = session.users().getUserByUsername(realm, cuil);
        if (user == null || EstadoClave.de(user) != EstadoClave.PENDIENTE) {
            return Optional.empty();
        }
        Optional<CredentialModel> clave = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findFirst();
        String email = user.getEmail();
        String codigo = user.getFirstAttribute(Atributos.CODIGO_USI07);
        long creada = user.getCreatedTimestamp() == null ? Time.currentTimeMillis() : user.getCreatedTimestamp();
        String politicas = user.getFirstAttribute(Atributos.POLITICAS_VERSION);
        session.users().removeUser(realm, user);
        if (clave.isEmpty() || email == null) {
            return Optional.empty(); // nothing to log in with, or nowhere to confirm it: nothing to keep
        }
        if (codigo == null || porCodigo(realm, codigo).isPresent()) {
            codigo = codigoLibre(realm);
        }
        SolicitudPendienteEntity e = new SolicitudPendienteEntity(UUID.randomUUID().toString(), realm.getId(), cuil,
                clave.get().getSecretData(), clave.get().getCredentialData(), email, codigo, politicas, creada, null);
        em().persist(e);
        LOG.infof("Realm %s: a pending clave kept as a user became a pending request", realm.getName());
        return Optional.of(Solicitud.de(e));
    }

    /** Every pending clave of the realm still kept as a user (an earlier version): each becomes a request. */
    public int migrarUsuarios(RealmModel realm) {
        List<String> cuiles = session.users().searchForUserByUserAttributeStream(realm, Atributos.ESTADO_CLAVE, EstadoClave.PENDIENTE.name())
                .map(UserModel::getUsername).toList();
        cuiles.forEach(cuil -> migrar(realm, cuil));
        return cuiles.size();
    }

    /** A USI-07 code no account and no request of the realm holds. */
    String codigoLibre(RealmModel realm) {
        for (int i = 0; i < SORTEOS_CODIGO; i++) {
            String codigo = CodigoVerificacion.nuevo(AZAR);
            if (Cuenta.conCodigoUsi07(session, realm, codigo).isEmpty() && porCodigo(realm, codigo).isEmpty()) {
                return codigo;
            }
        }
        throw new IllegalStateException("no free USI-07 code after " + SORTEOS_CODIGO + " draws");
    }

    /**
     * Work under a CUIL's lock: {@code enTx} is this store over the lock's own transaction and {@code realm} that
     * transaction's realm. The work is a method of {@code enTx}, so that its {@code em()} and {@code session} are the
     * lock's: the caller's would write, unlocked, into the caller's transaction.
     */
    @FunctionalInterface
    private interface BajoBloqueo<T> {
        T en(ClavesPendientes enTx, RealmModel realm);
    }

    private <T> T bajoBloqueo(RealmModel realm, String cuil, BajoBloqueo<T> trabajo) {
        String realmId = realm.getId();
        return new IntentosVerificacionStore(session, realm, TipoIntentos.HABILITACION).bajoBloqueo(cuil, tx -> {
            RealmModel realmTx = tx.realms().getRealm(realmId);
            tx.getContext().setRealm(realmTx);
            return trabajo.en(new ClavesPendientes(tx, plazo, maximoPorCuil), realmTx);
        });
    }

    private int borrarDelCuil(RealmModel realm, String cuil) {
        return em().createNamedQuery("ansesSolicitudesBorrarDelCuil").setParameter("realmId", realm.getId())
                .setParameter("cuil", cuil).executeUpdate();
    }

    private List<SolicitudPendienteEntity> entidadesDelCuil(RealmModel realm, String cuil) {
        return em().createNamedQuery("ansesSolicitudesDelCuil", SolicitudPendienteEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("cuil", cuil).getResultList();
    }

    private boolean claveCorrecta(RealmModel realm, SolicitudPendienteEntity e, String clave) {
        PasswordCredentialModel credencial = credencial(e);
        PasswordHashProvider hash = session.getProvider(PasswordHashProvider.class, credencial.getPasswordCredentialData().getAlgorithm());
        return hash != null && hash.verify(clave, credencial);
    }

    private static PasswordCredentialModel credencial(SolicitudPendienteEntity e) {
        CredentialModel model = new CredentialModel();
        model.setType(PasswordCredentialModel.TYPE);
        model.setSecretData(e.getClaveSecreto());
        model.setCredentialData(e.getClaveDatos());
        model.setCreatedDate(e.getCreada());
        return PasswordCredentialModel.createFromCredentialModel(model);
    }

    private PasswordHashProvider hash(RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordHashProvider hash = policy.getHashAlgorithm() == null ? null
                : session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm());
        return hash != null ? hash : session.getProvider(PasswordHashProvider.class);
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    @Override
    public void close() {
    }
}
