package ar.gob.anses.clavess.avisos;

import ar.gob.anses.clavess.cuenta.DetallesEvento;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Clave;
import ar.gob.anses.clavess.cuenta.DetallesEvento.Paso;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.nofuiyo.NoFuiYo;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * Which notice, if any, an event calls for. Plain Java over the event's strings, so that every rule is unit-tested
 * without a server (the detail names and credential types are Keycloak's compile-time constants, not its types).
 *
 * <p>Keycloak 26 sends a credential change twice, as {@code UPDATE_CREDENTIAL}/{@code REMOVE_CREDENTIAL} with
 * {@code credential_type} and again as the deprecated {@code UPDATE_PASSWORD}, {@code UPDATE_TOTP},
 * {@code REMOVE_TOTP}: only the first are read, so one change is one notice.
 */
public final class DecisionAviso {

    static final String PREVIOUS_EMAIL = Details.PREVIOUS_EMAIL;
    static final String UPDATED_EMAIL = Details.UPDATED_EMAIL;

    static final String CUSTOM_REQUIRED_ACTION = Details.CUSTOM_REQUIRED_ACTION;
    private static final String UPDATE_EMAIL = UserModel.RequiredAction.UPDATE_EMAIL.name();
    /**
     * Attribute of the Keycloak session in which a wrong clave is counted ({@code login.BloqueoClave}): a lock event
     * raised in that session was made by a wrong clave. Keycloak's own steps (the second factor's forms) count their
     * failures in sessions without it.
     */
    public static final String SESION_FALLO_DE_CLAVE = "anses.fallo-de-clave";

    static final String CREDENTIAL_TYPE = Details.CREDENTIAL_TYPE;
    static final String NUM_FAILURES = Details.NUM_FAILURES;
    static final String REASON = Details.REASON;
    private static final String PASSWORD = PasswordCredentialModel.TYPE;
    /** Credential types that are a second factor: TOTP, passkeys and security keys, recovery codes. */
    static final Set<String> SEGUNDOS_FACTORES = Set.of(OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS, RecoveryAuthnCodesCredentialModel.TYPE);

    private static final Pattern USUARIO = Pattern.compile("users/([^/]+)");
    private static final Pattern CREDENCIAL = Pattern.compile("users/([^/]+)/credentials/[^/]+");
    private static final Pattern CLAVE_PROVISORIA = Pattern.compile("users/([^/]+)/reset-password");
    private static final Pattern DESBLOQUEO = Pattern.compile("attack-detection/brute-force/users/([^/]+)");
    private static final Pattern NIVEL = Pattern.compile("anses-nivel/(\\d{11})");
    private static final Pattern HABILITACION = Pattern.compile("anses-habilitacion/(\\d{11})");
    private static final Pattern LINEA_130 = Pattern.compile("anses-linea-130/(\\d{11})");

    private DecisionAviso() {
    }

    /**
     * A citizen's own event (or Keycloak's brute-force lock). {@code fallosParaBloquear} is the realm's failure
     * factor: a lock for a quick second try before it (Keycloak's quick-login check) is no lock by failures.
     */
    public static Optional<Aviso> deEvento(String tipo, Map<String, String> detalles, String error, int fallosParaBloquear) {
        if (error != null || tipo == null) {
            return Optional.empty();
        }
        Map<String, String> d = detalles == null ? Map.of() : detalles;
        boolean pasoClave = Paso.CLAVE.en(d);
        String credencial = d.get(CREDENTIAL_TYPE);
        if (pasoClave && DetallesEvento.si(d, DetallesEvento.AVISO_CON_CORREO)) {
            return Optional.empty(); // sent with the address's confirmation (UPDATE_EMAIL below), if it comes
        }
        return switch (tipo) {
            case "REGISTER" -> pasoClave ? Optional.of(Aviso.de(TipoAviso.CLAVE_CREADA))
                    : Paso.MIGRACION.en(d) ? Optional.of(Aviso.de(TipoAviso.CLAVE_MIGRADA)) : Optional.empty();
            case "UPDATE_EMAIL" -> correo(d);
            // Keycloak's Update email sent its confirmation link to a new address: the change waits for it.
            case "SEND_VERIFY_EMAIL" -> UPDATE_EMAIL.equalsIgnoreCase(String.valueOf(d.get(CUSTOM_REQUIRED_ACTION)))
                    ? Optional.of(Aviso.de(TipoAviso.CORREO_CAMBIO_PEDIDO)) : Optional.empty();
            case "UPDATE_CREDENTIAL" -> {
                if (pasoClave) {
                    yield Optional.of(recuperada(d));
                }
                if (credencial == null || PASSWORD.equals(credencial)) {
                    yield Optional.of(Aviso.de(TipoAviso.CLAVE_CAMBIADA));
                }
                yield SEGUNDOS_FACTORES.contains(credencial) ? Optional.of(Aviso.de(TipoAviso.SEGUNDO_FACTOR_AGREGADO)) : Optional.empty();
            }
            case "REMOVE_CREDENTIAL" -> SEGUNDOS_FACTORES.contains(credencial)
                    ? Optional.of(Aviso.de(TipoAviso.SEGUNDO_FACTOR_QUITADO)) : Optional.empty();
            case "USER_DISABLED_BY_TEMPORARY_LOCKOUT" -> entero(d.get(NUM_FAILURES)) >= fallosParaBloquear
                    ? Optional.of(Aviso.de(TipoAviso.CLAVE_BLOQUEADA)) : Optional.empty();
            case "USER_DISABLED_BY_PERMANENT_LOCKOUT" -> Optional.of(Aviso.de(TipoAviso.CLAVE_BLOQUEADA));
            case "UPDATE_PROFILE" -> DetallesEvento.estadoClave(d, EstadoClave.HABILITADA)
                    ? Optional.of(Aviso.de(TipoAviso.CLAVE_HABILITADA)) : Optional.empty();
            // A confirmed "No fui yo" (nofuiyo.NoFuiYo): its confirmation. Any other logout is no account change.
            case "LOGOUT" -> NoFuiYo.MOTIVO.equals(d.get(REASON)) ? Optional.of(Aviso.de(TipoAviso.NO_FUI_YO)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The lock notice as told: {@link TipoAviso#CLAVE_BLOQUEADA} (her clave is safe) only when the lock was made by a
     * wrong clave and no wrong second-factor code counted among its failures; otherwise whoever tried got past her
     * clave, and it is {@link TipoAviso#CLAVE_BLOQUEADA_SEGUNDO_FACTOR}, with its "No fui yo". Any other notice as it is
     * ({@code fallosDeSegundoFactor}, the wrong codes counted among the current failures, is asked only of a lock).
     */
    public static Aviso bloqueo(Aviso aviso, boolean porClave, IntSupplier fallosDeSegundoFactor) {
        if (aviso.tipo() != TipoAviso.CLAVE_BLOQUEADA || porClave && fallosDeSegundoFactor.getAsInt() == 0) {
            return aviso;
        }
        return Aviso.de(TipoAviso.CLAVE_BLOQUEADA_SEGUNDO_FACTOR);
    }

    /**
     * An address confirmed or changed. Crear clave's confirmation ({@code anses_paso=correo}) of a citizen without a
     * verified address before carries the journey's own notice (the creation, or the recovery), which had nowhere to go
     * until now; a change of a verified address is {@link TipoAviso#CORREO_CAMBIADO}, to the account's (new) address,
     * and to the previous one by {@link #aLaDireccionAnterior}.
     */
    private static Optional<Aviso> correo(Map<String, String> d) {
        String anterior = d.get(PREVIOUS_EMAIL);
        String nueva = d.get(UPDATED_EMAIL);
        boolean cambio = anterior != null && !anterior.isBlank() && nueva != null && !anterior.equalsIgnoreCase(nueva);
        if (Paso.CORREO.en(d) && !DetallesEvento.si(d, DetallesEvento.CORREO_ANTERIOR_VERIFICADO)) {
            return Clave.de(d.get(DetallesEvento.CLAVE)).map(clave -> switch (clave) {
                case CREADA -> Aviso.de(TipoAviso.CLAVE_CREADA);
                case RECUPERADA -> recuperada(d);
            });
        }
        return cambio ? Optional.of(Aviso.de(TipoAviso.CORREO_CAMBIADO)) : Optional.empty();
    }

    /**
     * The previous address an email change is also told to ("¿No fuiste vos?"), if the event says it was verified
     * (Crear clave's confirmation does): whoever replaced it may not be its owner. Empty for any other event.
     */
    public static Optional<String> aLaDireccionAnterior(String tipo, Map<String, String> detalles, String error) {
        if (error != null || !"UPDATE_EMAIL".equals(tipo) || detalles == null
                || !DetallesEvento.si(detalles, DetallesEvento.CORREO_ANTERIOR_VERIFICADO)) {
            return Optional.empty();
        }
        String anterior = detalles.get(PREVIOUS_EMAIL);
        String nueva = detalles.get(UPDATED_EMAIL);
        return anterior != null && !anterior.isBlank() && !anterior.equalsIgnoreCase(String.valueOf(nueva))
                ? Optional.of(anterior) : Optional.empty();
    }

    /**
     * The address a change replaced, to be told of it too: the one the account had before this request, if it was
     * verified and is no longer the account's (changed or removed). Empty otherwise: an address never verified may be
     * a typo, a stranger's, and gets nothing.
     */
    public static Optional<String> direccionReemplazada(String anterior, boolean verificada, String actual) {
        if (!verificada || anterior == null || anterior.isBlank()
                || anterior.equalsIgnoreCase(actual == null ? "" : actual.strip())) {
            return Optional.empty();
        }
        return Optional.of(anterior);
    }

    /** What of an account the notices compare before and after an admin's update. */
    public record Estado(int nivel, String estadoClave) {
    }

    /**
     * An admin (office) event. {@code antes} and {@code despues} are the account's state around a user update
     * ({@code antes} null when not recorded); {@code representacion} is the event's, for our own level resource.
     */
    public static Optional<Aviso> deEventoAdmin(String recurso, String operacion, String ruta, String error,
                                                Estado antes, Estado despues, Map<String, ?> representacion) {
        if (error != null || recurso == null || operacion == null || ruta == null) {
            return Optional.empty();
        }
        switch (recurso + " " + operacion) {
            case "USER UPDATE" -> {
                return USUARIO.matcher(ruta).matches() ? Optional.of(actualizacion(antes, despues)) : Optional.empty();
            }
            case "USER ACTION" -> {
                return CLAVE_PROVISORIA.matcher(ruta).matches() ? Optional.of(Aviso.de(TipoAviso.OFICINA_CLAVE)) : Optional.empty();
            }
            case "USER DELETE" -> {
                return CREDENCIAL.matcher(ruta).matches() ? Optional.of(Aviso.de(TipoAviso.OFICINA_METODO_QUITADO)) : Optional.empty();
            }
            case "USER_LOGIN_FAILURE DELETE" -> {
                return DESBLOQUEO.matcher(ruta).matches() ? Optional.of(Aviso.de(TipoAviso.OFICINA_DESBLOQUEO)) : Optional.empty();
            }
            case "ANSES_HABILITACION UPDATE" -> {
                return HABILITACION.matcher(ruta).matches() && representacion != null
                        && EstadoClave.HABILITADA.name().equals(String.valueOf(representacion.get(DetallesEvento.CAMBIO_ESTADO_NUEVO)))
                        ? Optional.of(Aviso.de(TipoAviso.CLAVE_HABILITADA)) : Optional.empty();
            }
            case "ANSES_LINEA_130 UPDATE" -> {
                // the operation of a call that gave a clave (a link or a provisional one); the others are ACTION
                return LINEA_130.matcher(ruta).matches() ? Optional.of(Aviso.de(TipoAviso.LINEA_130)) : Optional.empty();
            }
            case "ANSES_NIVEL UPDATE" -> {
                return NIVEL.matcher(ruta).matches() && representacion != null ? cambioDeNivel(representacion) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A user update by an office: its enablement, its level, or else its data. */
    private static Aviso actualizacion(Estado antes, Estado despues) {
        if (antes != null && despues != null) {
            if (EstadoClave.PENDIENTE.name().equals(antes.estadoClave()) && EstadoClave.HABILITADA.name().equals(despues.estadoClave())) {
                return Aviso.de(TipoAviso.CLAVE_HABILITADA);
            }
            if (antes.nivel() != despues.nivel()) {
                return nivel(antes.nivel(), despues.nivel());
            }
        }
        return Aviso.de(TipoAviso.OFICINA_DATOS);
    }

    /** Our level resource's change, from its representation; nothing when the level did not change. */
    private static Optional<Aviso> cambioDeNivel(Map<String, ?> representacion) {
        int anterior = entero(String.valueOf(representacion.get(DetallesEvento.CAMBIO_NIVEL_ANTERIOR)));
        int nuevo = entero(String.valueOf(representacion.get(DetallesEvento.CAMBIO_NIVEL_NUEVO)));
        return anterior == nuevo || nuevo == 0 ? Optional.empty() : Optional.of(nivel(anterior, nuevo));
    }

    /**
     * Whose account an admin event is about: {@code id:<user id>} or {@code cuil:<CUIL>}, from the event's resource
     * path; empty when the path names no user.
     */
    public static Optional<String> cuenta(String ruta) {
        if (ruta == null) {
            return Optional.empty();
        }
        for (Pattern p : new Pattern[] {USUARIO, CREDENCIAL, CLAVE_PROVISORIA, DESBLOQUEO}) {
            Matcher m = p.matcher(ruta);
            if (m.matches()) {
                return Optional.of("id:" + m.group(1));
            }
        }
        for (Pattern p : new Pattern[] {NIVEL, HABILITACION, LINEA_130}) {
            Matcher m = p.matcher(ruta);
            if (m.matches()) {
                return Optional.of("cuil:" + m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Crear clave's recovery: from the level before it to 2, the level of a clave proven online. */
    private static Aviso recuperada(Map<String, String> d) {
        return new Aviso(TipoAviso.CLAVE_RECUPERADA, entero(d.get(DetallesEvento.NIVEL_ANTERIOR)), 2);
    }

    private static Aviso nivel(int anterior, int nuevo) {
        return new Aviso(nuevo > anterior ? TipoAviso.NIVEL_SUBIDO : TipoAviso.NIVEL_BAJADO, anterior, nuevo);
    }

    private static int entero(String valor) {
        try {
            return valor == null ? 0 : Integer.parseInt(valor.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
