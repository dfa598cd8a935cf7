package ar.gob.anses.clavess.almacen;

import java.util.List;

/** Adds ANSES_SOLICITUD_PENDIENTE (residents abroad's registrations not enabled yet) to Keycloak's database. */
public final class SolicitudesJpaEntityProviderFactory extends TablasJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "anses-solicitudes-pendientes";

    public SolicitudesJpaEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/anses-solicitudes-pendientes-changelog.xml", List.of(SolicitudPendienteEntity.class));
    }
}
