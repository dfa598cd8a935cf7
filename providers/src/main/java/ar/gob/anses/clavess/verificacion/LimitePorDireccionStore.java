package ar.gob.anses.clavess.verificacion;

import java.util.concurrent.ThreadLocalRandom;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * How many CUILs one client address submitted to Crear clave in the last hour, in Keycloak's database
 * (table ANSES_ENVIOS_DIRECCION), so that every node counts the same submissions. Each submission is
 * admitted or refused under the address's row lock: parallel submissions cannot pass the limit.
 */
public final class LimitePorDireccionStore {

    /** The largest limit the stored window can hold. */
    public static final int LIMITE_MAXIMO = (EnviosDireccionEntity.LARGO_INSTANTES + 1) / 11 - 1;

    static final long VENTANA_SEGUNDOS = 3600;
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
        boolean admitido = FilaBloqueada.cambiar(factory, EnviosDireccionEntity.class, EnviosDireccionEntity.id(realmId, direccion),
                () -> new EnviosDireccionEntity(realmId, direccion),
                fila -> fila.ventana().admitir(ahora, limite, VENTANA_SEGUNDOS).map(ventana -> {
                    fila.actualizar(ventana);
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
