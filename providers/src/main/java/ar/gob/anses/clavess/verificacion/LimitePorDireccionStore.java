package ar.gob.anses.clavess.verificacion;

import ar.gob.anses.clavess.almacen.EnviosDireccionEntity;
import ar.gob.anses.clavess.almacen.FilaBloqueada;
import java.util.concurrent.ThreadLocalRandom;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * How many CUILs one client address submitted to Crear clave in the last hour, in Keycloak's database
 * (table ANSES_ENVIOS_DIRECCION), so that every node counts the same submissions. Each submission is
 * admitted or refused under the address's row lock: parallel submissions cannot pass the limit. One row per
 * address of {@link VentanaPorMinutos#CUBETAS} counters: the same bytes and work per submission for any limit.
 */
public final class LimitePorDireccionStore {

    /** The largest limit an hour; the row and the work per submission are the same for every limit up to it. */
    public static final int LIMITE_MAXIMO = VentanaPorMinutos.LIMITE_MAXIMO;

    // A row whose last admission is older than every minute its window keeps holds nothing.
    static final long VENTANA_SEGUNDOS = VentanaPorMinutos.CUBETAS * 60L;
    // One admitted submission in this many also deletes the rows of addresses quiet for a whole window.
    private static final int LIMPIEZA_CADA = 64;

    private final KeycloakSessionFactory factory;
    private final String realmId;

    public LimitePorDireccionStore(KeycloakSession session, RealmModel realm) {
        this.factory = session.getKeycloakSessionFactory();
        this.realmId = realm.getId();
    }

    /** Records a submission from {@code direccion} at {@code ahora}; false (and nothing recorded) past {@code limite} an hour. */
    public boolean admitir(String direccion, long ahora, int limite) {
        boolean admitido = FilaBloqueada.cambiar(factory, EnviosDireccionEntity.class, realmId + ":" + direccion,
                () -> new EnviosDireccionEntity(realmId + ":" + direccion, realmId, direccion, VentanaPorMinutos.vacia().texto()),
                fila -> VentanaPorMinutos.de(fila.getCuentas(), fila.getMinuto()).admitir(ahora, Math.min(limite, LIMITE_MAXIMO)).map(ventana -> {
                    fila.actualizar(ventana.texto(), ventana.minuto(), ahora);
                    return true;
                }).orElse(false));
        if (admitido && ThreadLocalRandom.current().nextInt(LIMPIEZA_CADA) == 0) {
            borrarVencidos(ahora);
        }
        return admitido;
    }

    private void borrarVencidos(long ahora) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery("ansesEnviosDireccionVencidos").setParameter("realmId", realmId)
                .setParameter("antesDe", ahora - VENTANA_SEGUNDOS).executeUpdate());
    }
}
