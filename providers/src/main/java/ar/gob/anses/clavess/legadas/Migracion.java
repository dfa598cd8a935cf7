package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cambiarclave.ClaveComun;
import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import ar.gob.anses.clavess.padron.Curatela;
import ar.gob.anses.clavess.padron.PadronProvider;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.politica.ValidadorClave;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The first login of a citizen whose clave is in the agency's former system: asked where the login finds no account
 * for the CUIL, in that CUIL's turn and after its lock was checked.
 *
 * <p>A right clave moves her over: her account is made (the person from the padrón, the entry's level, email and its
 * confirmation), the clave stored with the realm's hashing, the entry retired so it is never asked again, and the notice
 * says her clave moved; a pending entry becomes a pending request whose days run from the entry's creation. The work is
 * the same for every wrong clave: one legacy hash (the entry's, or the {@link Ficticio} of a CUIL with an account, in no
 * registry or already retired) and one of the realm's (the account's, the new clave's, or Keycloak's dummy), so a wrong
 * clave answers alike and in the same time whether the CUIL has an account, a legacy entry or nothing. The registry is
 * read for every wrong clave, so one that does not answer stops every wrong clave alike ({@link RegistroNoDisponible}):
 * during an outage "saturado" never tells a CUIL with an account from one without.
 */
public final class Migracion {

    /** Detail {@code anses_paso} of the REGISTER event of a moved clave, whose notice says so. */
    public static final String PASO = DetallesEvento.Paso.MIGRACION.valor();
    /** Event error of a login stopped because the legacy registry did not answer. */
    public static final String ERROR_NO_DISPONIBLE = "anses_claves_legadas_no_disponible";

    private static final Logger LOG = Logger.getLogger(Migracion.class);

    private Migracion() {
    }

    /**
     * After a clave that is not {@code cuenta}'s (null: the CUIL has no account). Without an account: the CUIL's account if
     * its legacy clave is {@code clave} and it was moved now (or by a parallel login of the same CUIL on another node);
     * empty otherwise: a wrong clave, no entry, or a pending entry, which became a request that the login's
     * pending-request comparison finds next. With one: the registry's read and the dummy legacy hash, so that a wrong
     * clave costs, and answers, the same whether or not the CUIL has an account; its entry, if any, is not compared.
     *
     * @throws RegistroNoDisponible when the registry (or the padrón) did not answer: nothing was migrated or changed
     */
    public static Optional<UserModel> intentar(AuthenticationFlowContext context, Cuil cuil, UserModel cuenta, String clave) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        ClavesLegadasProvider registro = session.getProvider(ClavesLegadasProvider.class);
        if (cuenta != null) {
            // Her account's clave was wrong: the registry's read and the legacy hash a CUIL without one costs, so that a
            // registry that does not answer stops this login too (answered alike whether or not the CUIL has an account).
            buscar(session, realm, registro, cuil);
            comparar(registro, Optional.empty(), clave);
            return Optional.empty();
        }
        Optional<ClaveLegada> entrada = buscar(session, realm, registro, cuil);
        boolean coincide = comparar(registro, entrada, clave);
        Optional<Persona> persona = coincide ? persona(session, cuil) : Optional.empty();
        if (persona.isEmpty()) {
            AuthenticatorUtils.dummyHash(context);
            ProgresoMigracion.NODO.hashRealm();
            if (entrada.isPresent()) {
                ProgresoMigracion.NODO.fallo(coincide ? ProgresoMigracion.Causa.SIN_PADRON : ProgresoMigracion.Causa.CLAVE_INCORRECTA);
            }
            if (coincide) {
                LOG.warnf("Legacy clave of CUIL %s is right but the padrón has no such person, or has her under curatela: not migrated",
                        cuil.digitos());
            }
            return Optional.empty();
        }
        ClavesPendientes pendientes = session.getProvider(ClavesPendientes.class);
        PasswordCredentialModel credencial = pendientes.cifrar(realm, clave); // the realm's hash, outside the CUIL's lock
        ProgresoMigracion.NODO.hashRealm();
        ClaveLegada legada = entrada.get();
        if (legada.estado() == EstadoClave.PENDIENTE) {
            long creada = legada.creada().atStartOfDay(HoraArgentina.ZONA).toInstant().toEpochMilli();
            pendientes.registrarLegada(realm, cuil.digitos(), credencial, legada.email(), creada,
                    tx -> ClavesLegadasRetiradas.retirar(tx, tx.getContext().getRealm(), cuil.digitos(), ClavesLegadasRetiradas.Motivo.MIGRADA))
                    .ifPresent(s -> ProgresoMigracion.NODO.migrada()); // no account yet: its enablement is told, not this
            return Optional.empty();
        }
        Optional<Creada> creada = pendientes.reemplazar(realm, cuil.digitos(), tx -> crear(tx, legada, persona.get(), clave, credencial));
        if (creada.isEmpty()) {
            // A parallel first login of this CUIL (another node) made the account a moment ago: hers now, judged as any.
            UserModel user = session.users().getUserByUsername(realm, cuil.digitos());
            return Optional.ofNullable(user).filter(u -> u.credentialManager().isValid(UserCredentialModel.password(clave)));
        }
        UserModel user = session.users().getUserById(realm, creada.get().id());
        migrada(context, cuil, user, legada);
        if (creada.get().incumplePolitica()) {
            ClaveComun.pedirOtraPorPolitica(context);
        }
        return Optional.of(user);
    }

    /** The account made, and whether its clave breaks today's policy (judged before it was stored, without history). */
    private record Creada(String id, boolean incumplePolitica) {
    }

    private static Optional<ClaveLegada> buscar(KeycloakSession session, RealmModel realm, ClavesLegadasProvider registro, Cuil cuil) {
        if (registro == null || ClavesLegadasRetiradas.retirada(session, realm, cuil.digitos())) {
            return Optional.empty();
        }
        try {
            return registro.buscar(cuil);
        } catch (RegistroNoDisponible e) {
            ProgresoMigracion.NODO.fallo(ProgresoMigracion.Causa.NO_DISPONIBLE);
            LOG.warnf("Legacy claves registry did not answer (%s): the first login of a CUIL without an account waits", e.getMessage());
            throw e;
        }
    }

    /** One legacy hash whatever the CUIL has: its entry's, or the dummy's (none while the registry is empty). */
    private static boolean comparar(ClavesLegadasProvider registro, Optional<ClaveLegada> entrada, String clave) {
        if (entrada.isPresent()) {
            ProgresoMigracion.NODO.hashLegado();
            return entrada.get().coincide(clave);
        }
        Optional<Ficticio> ficticio;
        try {
            ficticio = registro == null ? Optional.empty() : registro.ficticio();
        } catch (RegistroNoDisponible e) {
            ficticio = Optional.empty(); // never read since the start, and down: a citizen with an account is not stopped
        }
        ficticio.ifPresent(f -> {
            ProgresoMigracion.NODO.hashLegado();
            f.coincide(clave);
        });
        return false;
    }

    /** The padrón's person, if she may hold a clave (not under curatela: her curador acts for her). */
    private static Optional<Persona> persona(KeycloakSession session, Cuil cuil) {
        try {
            return session.getProvider(PadronProvider.class).buscar(cuil).filter(p -> !Curatela.impideClave(p));
        } catch (RuntimeException e) {
            ProgresoMigracion.NODO.fallo(ProgresoMigracion.Causa.NO_DISPONIBLE);
            LOG.warnf("Padrón did not answer (%s): a legacy clave's first login waits", e.getMessage());
            throw new RegistroNoDisponible("padrón lookup failed: " + e.getMessage(), e);
        }
    }

    /** In the CUIL's locked transaction, where no account exists yet: the account, its clave, the entry retired. */
    private static Creada crear(KeycloakSession tx, ClaveLegada legada, Persona persona, String clave, PasswordCredentialModel credencial) {
        RealmModel realm = tx.getContext().getRealm();
        UserModel user = tx.users().addUser(realm, legada.cuil().digitos());
        persona.identidad().escribirEn(user);
        Cuenta.habilitar(user, legada.nivel(), null);
        user.setEmail(legada.email());
        user.setEmailVerified(legada.emailConfirmado());
        boolean incumple = !new ValidadorClave(tx, realm).incumplidas(user, clave).isEmpty();
        credencial.setCreatedDate(Time.currentTimeMillis());
        user.credentialManager().createStoredCredential(credencial);
        ClavesLegadasRetiradas.retirar(tx, realm, legada.cuil().digitos(), ClavesLegadasRetiradas.Motivo.MIGRADA);
        return new Creada(user.getId(), incumple);
    }

    /** The event (REGISTER, step {@code migracion}: the notice), the metric and the log line. */
    private static void migrada(AuthenticationFlowContext context, Cuil cuil, UserModel user, ClaveLegada legada) {
        ProgresoMigracion.NODO.migrada();
        context.getEvent().clone().event(EventType.REGISTER).user(user).detail(Details.USERNAME, cuil.digitos())
                .detail(DetallesEvento.PASO, PASO).detail(Details.REGISTER_METHOD, ClavesLegadasSpi.NAME).success();
        LOG.debugf("Legacy clave of CUIL %s (%s, %s) moved here", cuil.digitos(), legada.algoritmo().nombre(), legada.estado());
    }
}
