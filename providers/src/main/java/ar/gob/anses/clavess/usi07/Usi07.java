package ar.gob.anses.clavess.usi07;

import ar.gob.anses.clavess.cuenta.Atributos;
import ar.gob.anses.clavess.cuenta.CodigoVerificacion;
import ar.gob.anses.clavess.cuenta.Cuenta;
import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.Nivel;
import ar.gob.anses.clavess.habilitacion.ClavesPendientes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.theme.Theme;

/**
 * The Formulario USI-07 of a user: its verification code, held as the attribute {@code codigoUsi07} (a new one each
 * time Crear clave sets a clave, so a replaced clave's form stops verifying), and the PDF download any page can offer
 * ({@link #descarga}).
 */
public final class Usi07 {

    public static final String MEDIA_TYPE = "application/pdf";
    /** The form field of the download buttons: {@code descargar=usi07}. */
    public static final String PARAMETRO = "descargar";
    public static final String VALOR = "usi07";
    private static final SecureRandom AZAR = new SecureRandom();
    /** 60 random bits: a repeat is already unlikely; a few draws make a clash with an existing code impossible in practice. */
    private static final int INTENTOS = 8;

    private Usi07() {
    }

    /** Gives the user a new verification code no other user of the realm holds, replacing any earlier one. */
    public static String asignarCodigo(KeycloakSession session, RealmModel realm, UserModel user) {
        for (int i = 0; i < INTENTOS; i++) {
            String codigo = CodigoVerificacion.nuevo(AZAR);
            if (Cuenta.conCodigoUsi07(session, realm, codigo).isEmpty()) {
                user.setSingleAttribute(Atributos.CODIGO_USI07, codigo);
                return codigo;
            }
        }
        throw new IllegalStateException("no free USI-07 code after " + INTENTOS + " draws");
    }

    /** When the user's clave was set: the password credential's date (the user's own creation if it has none). */
    public static Instant claveCreada(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate).filter(f -> f != null).findFirst()
                .or(() -> Optional.ofNullable(user.getCreatedTimestamp()))
                .map(Instant::ofEpochMilli).orElseGet(Instant::now);
    }

    /** The level the user holds, if the attribute says one; none for a pending clave. */
    public static Optional<Integer> nivel(UserModel user) {
        return EstadoClave.de(user) == EstadoClave.PENDIENTE ? Optional.empty() : Nivel.leer(user.getFirstAttribute(Atributos.NIVEL));
    }

    /**
     * The form of an account whose username is a CUIL. A user without a code yet (a clave given before the form existed,
     * or by an admin) gets one now.
     */
    public static FormularioUsi07.Datos datos(KeycloakSession session, RealmModel realm, UserModel user) {
        String codigo = user.getFirstAttribute(Atributos.CODIGO_USI07);
        if (codigo == null || CodigoVerificacion.leer(codigo).filter(codigo::equals).isEmpty()) {
            codigo = asignarCodigo(session, realm, user);
        }
        return new FormularioUsi07.Datos(Cuil.leer(user.getUsername()).cuil(), user.getFirstName(), user.getLastName(),
                claveCreada(user), EstadoClave.HABILITADA, Nivel.de(user), codigo,
                session.getProvider(ClavesPendientes.class).plazo().dias());
    }

    /** The form of a pending request: identity unproven, so no name from the registry (the citizen writes it by hand). */
    public static FormularioUsi07.Datos datos(ClavesPendientes.Solicitud solicitud, int plazoDias) {
        return new FormularioUsi07.Datos(Cuil.leer(solicitud.cuil()).cuil(), null, null, Instant.ofEpochMilli(solicitud.creadaMillis()),
                EstadoClave.PENDIENTE, null, solicitud.codigoUsi07(), plazoDias);
    }

    /** Whether the request is a download button's: a POST with {@code descargar=usi07}. */
    public static boolean pedida(HttpRequest request) {
        return "POST".equals(request.getHttpMethod()) && VALOR.equals(request.getDecodedFormParameters().getFirst(PARAMETRO));
    }

    /**
     * The user's Formulario USI-07 as a download: {@code application/pdf}, attachment {@code USI-07-<cuil>.pdf}, never
     * cached. For an authenticator, {@code context.challenge(Usi07.descarga(...))} answers a POST with it and leaves the
     * flow where it was. A user whose username is not a CUIL (an admin) has no form: 404.
     */
    public static Response descarga(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!Cuil.leer(user.getUsername()).esValido()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return descarga(datos(session, realm, user), textos(session, realm, user));
    }

    /** A pending request's form as a download, as {@link #descarga(KeycloakSession, RealmModel, UserModel)}. */
    public static Response descarga(KeycloakSession session, RealmModel realm, ClavesPendientes.Solicitud solicitud, int plazoDias) {
        return descarga(datos(solicitud, plazoDias), textos(session, realm, null));
    }

    /**
     * The login theme's messages in the locale the login pages are shown in (the citizen's choice, the browser's, the
     * realm's default), with the realm's own overrides: the form speaks the language of the page it is downloaded from.
     */
    static FormularioUsi07.Textos textos(KeycloakSession session, RealmModel realm, UserModel user) {
        Locale locale = session.getContext().resolveLocale(user);
        try {
            return new FormularioUsi07.Textos(session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response descarga(FormularioUsi07.Datos datos, FormularioUsi07.Textos textos) {
        return Response.ok(FormularioUsi07.pdf(datos, textos), MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"USI-07-" + datos.cuil().digitos() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
