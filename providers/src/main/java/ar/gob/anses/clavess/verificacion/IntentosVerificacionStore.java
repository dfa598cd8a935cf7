package ar.gob.anses.clavess.verificacion;

import ar.gob.anses.clavess.almacen.BloqueoVerificacionEntity;
import ar.gob.anses.clavess.almacen.FilaBloqueada;
import ar.gob.anses.clavess.almacen.SolicitudPendienteEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Verification attempts per CUIL in Keycloak's own database (table ANSES_VERIFICACION). An attempt is
 * charged, under the row's lock and committed, before its answer is compared: however many sessions,
 * nodes or parallel requests, at most {@code maximo} answers are compared per lock period.
 */
public final class IntentosVerificacionStore {

    private final KeycloakSession session;
    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final TipoIntentos tipo;

    /** The attempts of Crear clave's identity verification. */
    public IntentosVerificacionStore(KeycloakSession session, RealmModel realm) {
        this(session, realm, TipoIntentos.VERIFICACION);
    }

    public IntentosVerificacionStore(KeycloakSession session, RealmModel realm, TipoIntentos tipo) {
        this.session = session;
        this.factory = session.getKeycloakSessionFactory();
        this.realmId = realm.getId();
        this.tipo = tipo;
    }

    public IntentosVerificacion get(String cuil) {
        BloqueoVerificacionEntity entity = em().find(BloqueoVerificacionEntity.class, id(cuil));
        return entity == null ? IntentosVerificacion.NINGUNO : estado(entity);
    }

    /**
     * One attempt, charged as a failure before its answer is judged, in one transaction that holds the CUIL's row lock:
     * the charge is written, then {@code correcta} is asked, and a right answer clears the count in the same commit. Nothing is told before that commit, so no verdict ever leaves without
     * its charge on disk, and parallel attempts (on any node) are judged one after the other, each after the charges
     * before it. {@code comparable} false: verification was locked, nothing was charged and {@code correcta} was not
     * asked. {@code estado}: the state after the charge (before a right answer cleared it).
     */
    public record Cargo(boolean comparable, boolean acertada, IntentosVerificacion estado) {
    }

    public Cargo cargar(String cuil, long ahora, int maximo, long bloqueoSegundos, BooleanSupplier correcta) {
        return FilaBloqueada.cambiar(factory, BloqueoVerificacionEntity.class, id(cuil), () -> nueva(cuil), (enTransaccion, fila) -> {
            IntentosVerificacion antes = estado(fila);
            if (antes.bloqueada(ahora)) {
                return new Cargo(false, false, antes);
            }
            IntentosVerificacion despues = antes.conFallo(ahora, maximo, bloqueoSegundos);
            actualizar(fila, despues);
            enTransaccion.getProvider(JpaConnectionProvider.class).getEntityManager().flush(); // the charge, before the judgement
            boolean acertada = correcta.getAsBoolean();
            if (acertada) {
                actualizar(fila, IntentosVerificacion.NINGUNO); // the count starts again, the lock this charge set included
            }
            return new Cargo(true, acertada, despues);
        });
    }

    /**
     * One online enablement attempt made with the clave of the pending request {@code solicitudId} of this CUIL
     * ({@link IntentosHabilitacion}): under the CUIL's row lock (the one every change of its requests takes), the
     * request's own count and the CUIL's ceiling are charged and flushed, then {@code correcta} is asked; a right answer
     * clears the CUIL's count in the same commit. Not comparable when the request is locked (by its own failures or by
     * the ceiling). A request gone meanwhile (enabled, replaced, expired) charges the CUIL only. {@code estado}: the
     * request's attempts after the charge.
     */
    public Cargo cargar(String cuil, String solicitudId, long venceSegundos, long ahora, IntentosHabilitacion reglas,
                        BooleanSupplier correcta) {
        return FilaBloqueada.cambiar(factory, BloqueoVerificacionEntity.class, id(cuil), () -> nueva(cuil), (enTransaccion, fila) -> {
            EntityManager em = enTransaccion.getProvider(JpaConnectionProvider.class).getEntityManager();
            SolicitudPendienteEntity solicitud = em.find(SolicitudPendienteEntity.class, solicitudId);
            IntentosVerificacion delCuil = estado(fila);
            IntentosVerificacion antes = deLaSolicitud(reglas, delCuil, solicitud, venceSegundos, ahora);
            if (antes.bloqueada(ahora)) {
                return new Cargo(false, false, antes);
            }
            actualizar(fila, reglas.cuilTrasFallo(delCuil, ahora));
            if (solicitud != null) {
                solicitud.setIntentosFallidos(solicitud.getIntentosFallidos() + 1);
            }
            em.flush(); // the charge, before the judgement
            IntentosVerificacion despues = deLaSolicitud(reglas, estado(fila), solicitud, venceSegundos, ahora);
            boolean acertada = correcta.getAsBoolean();
            if (acertada) {
                actualizar(fila, IntentosVerificacion.NINGUNO);
            }
            return new Cargo(true, acertada, despues);
        });
    }

    /** The attempts of one pending request of this CUIL as its maker sees them, read without a lock. */
    public IntentosVerificacion deLaSolicitud(String cuil, String solicitudId, long venceSegundos, long ahora, IntentosHabilitacion reglas) {
        return deLaSolicitud(reglas, get(cuil), em().find(SolicitudPendienteEntity.class, solicitudId), venceSegundos, ahora);
    }

    private static IntentosVerificacion deLaSolicitud(IntentosHabilitacion reglas, IntentosVerificacion delCuil,
                                                      SolicitudPendienteEntity solicitud, long venceSegundos, long ahora) {
        return solicitud == null ? IntentosVerificacion.NINGUNO
                : reglas.deLaSolicitud(delCuil, solicitud.getIntentosFallidos(), solicitud.getCreada() / 1000, venceSegundos, ahora);
    }

    /**
     * Forgets the failures and the lock of a CUIL (an office lifted it); for the online enablement, also the failures of
     * each of its pending requests, in the same commit.
     */
    public void limpiar(String cuil) {
        FilaBloqueada.cambiar(factory, BloqueoVerificacionEntity.class, id(cuil), () -> nueva(cuil), (enTransaccion, fila) -> {
            actualizar(fila, IntentosVerificacion.NINGUNO);
            if (tipo == TipoIntentos.HABILITACION) {
                enTransaccion.getProvider(JpaConnectionProvider.class).getEntityManager()
                        .createNamedQuery("ansesSolicitudesSinFallosDelCuil")
                        .setParameter("realmId", realmId).setParameter("cuil", cuil).executeUpdate();
            }
            return null;
        });
    }

    /**
     * Runs {@code trabajo} in a transaction of its own holding this CUIL's row lock, committed before it returns: two
     * requests about the same CUIL (on any node) never run it at the same time. The counts are left as they are.
     */
    public <T> T bajoBloqueo(String cuil, Function<KeycloakSession, T> trabajo) {
        return FilaBloqueada.cambiar(factory, BloqueoVerificacionEntity.class, id(cuil), () -> nueva(cuil),
                (enTransaccion, fila) -> trabajo.apply(enTransaccion));
    }

    /** CUILs whose verification is locked now, soonest to unlock first. */
    public List<String> bloqueadas(long ahora) {
        return em().createNamedQuery("ansesVerificacionBloqueadas", BloqueoVerificacionEntity.class)
                .setParameter("realmId", realmId).setParameter("tipo", tipo.name()).setParameter("ahora", ahora)
                .getResultStream().map(BloqueoVerificacionEntity::getCuil).toList();
    }

    /** Verification rows keep the id they had before enablement attempts existed. */
    private String id(String cuil) {
        return tipo == TipoIntentos.VERIFICACION ? realmId + ":" + cuil : realmId + ":" + tipo.name() + ":" + cuil;
    }

    private BloqueoVerificacionEntity nueva(String cuil) {
        return new BloqueoVerificacionEntity(id(cuil), realmId, tipo.name(), cuil);
    }

    private static IntentosVerificacion estado(BloqueoVerificacionEntity fila) {
        return new IntentosVerificacion(fila.getIntentosFallidos(), fila.getUltimoFallo(), fila.getBloqueadaHasta());
    }

    private static void actualizar(BloqueoVerificacionEntity fila, IntentosVerificacion estado) {
        fila.actualizar(estado.fallidos(), estado.ultimoFallo(), estado.bloqueadaHasta());
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
