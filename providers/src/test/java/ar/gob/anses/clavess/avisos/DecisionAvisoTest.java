package ar.gob.anses.clavess.avisos;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.avisos.DecisionAviso.Estado;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecisionAvisoTest {

    private static final int FALLOS = 5;

    private static Optional<TipoAviso> evento(String tipo, Map<String, String> detalles) {
        return DecisionAviso.deEvento(tipo, detalles, null, FALLOS).map(Aviso::tipo);
    }

    @DisplayName("given Crear clave's last step, then a new user is a created clave and an existing one a recovered clave, "
            + "with the level it had before")
    @Test
    void crearYRecuperar() {
        assertThat(evento("REGISTER", Map.of("anses_paso", "clave"))).contains(TipoAviso.CLAVE_CREADA);
        Optional<Aviso> recuperada = DecisionAviso.deEvento("UPDATE_CREDENTIAL",
                Map.of("anses_paso", "clave", "anses_nivel_anterior", "3"), null, FALLOS);
        assertThat(recuperada).contains(new Aviso(TipoAviso.CLAVE_RECUPERADA, 3, 2));
        assertThat(recuperada.get().bajoElNivel()).isTrue();
        assertThat(DecisionAviso.deEvento("UPDATE_CREDENTIAL", Map.of("anses_paso", "clave", "anses_nivel_anterior", "2"),
                null, FALLOS).get().bajoElNivel()).isFalse();
    }

    @DisplayName("given a clave change (ours without credential_type, Keycloak's with password), then a changed clave; "
            + "Keycloak's deprecated twin events give nothing")
    @Test
    void cambiarClave() {
        assertThat(evento("UPDATE_CREDENTIAL", Map.of())).contains(TipoAviso.CLAVE_CAMBIADA);
        assertThat(evento("UPDATE_CREDENTIAL", Map.of("credential_type", "password"))).contains(TipoAviso.CLAVE_CAMBIADA);
        assertThat(evento("UPDATE_PASSWORD", Map.of())).isEmpty();
        assertThat(evento("UPDATE_TOTP", Map.of())).isEmpty();
        assertThat(evento("REMOVE_TOTP", Map.of())).isEmpty();
    }

    @DisplayName("given a second factor added or removed (TOTP, passkey, security key, recovery codes), then one notice each way")
    @Test
    void segundoFactor() {
        for (String tipo : new String[] {"otp", "webauthn", "webauthn-passwordless", "recovery-authn-codes"}) {
            assertThat(evento("UPDATE_CREDENTIAL", Map.of("credential_type", tipo))).contains(TipoAviso.SEGUNDO_FACTOR_AGREGADO);
            assertThat(evento("REMOVE_CREDENTIAL", Map.of("credential_type", tipo))).contains(TipoAviso.SEGUNDO_FACTOR_QUITADO);
        }
        assertThat(evento("REMOVE_CREDENTIAL", Map.of("credential_type", "password"))).isEmpty();
        assertThat(evento("UPDATE_CREDENTIAL", Map.of("credential_type", "kerberos"))).isEmpty();
    }

    @DisplayName("given Keycloak's lock events, then a lock by failures is a locked clave and a quick-login wait is not")
    @Test
    void bloqueo() {
        assertThat(evento("USER_DISABLED_BY_TEMPORARY_LOCKOUT", Map.of("num_failures", "5"))).contains(TipoAviso.CLAVE_BLOQUEADA);
        assertThat(evento("USER_DISABLED_BY_TEMPORARY_LOCKOUT", Map.of("num_failures", "7"))).contains(TipoAviso.CLAVE_BLOQUEADA);
        assertThat(evento("USER_DISABLED_BY_TEMPORARY_LOCKOUT", Map.of("num_failures", "2"))).isEmpty();
        assertThat(evento("USER_DISABLED_BY_PERMANENT_LOCKOUT", Map.of())).contains(TipoAviso.CLAVE_BLOQUEADA);
    }

    @DisplayName("given a lock made by a wrong clave with no wrong second-factor code among its failures, then it says her "
            + "clave is safe and offers no No fui yo; made by a second factor's form, or with wrong codes counted, then "
            + "somebody got past her clave and it keeps No fui yo; both are lock notices, one per period")
    @Test
    void bloqueoPorClaveOSegundoFactor() {
        Aviso bloqueo = Aviso.de(TipoAviso.CLAVE_BLOQUEADA);
        Aviso porClaves = DecisionAviso.bloqueo(bloqueo, true, () -> 0);
        assertThat(porClaves.tipo()).isEqualTo(TipoAviso.CLAVE_BLOQUEADA);
        assertThat(porClaves.tipo().claveSegura()).isTrue();
        assertThat(porClaves.tipo().conNoFuiYo()).isFalse();
        for (Aviso otro : new Aviso[] {DecisionAviso.bloqueo(bloqueo, false, () -> 0), DecisionAviso.bloqueo(bloqueo, true, () -> 1),
                DecisionAviso.bloqueo(bloqueo, false, () -> 3)}) {
            assertThat(otro.tipo()).isEqualTo(TipoAviso.CLAVE_BLOQUEADA_SEGUNDO_FACTOR);
            assertThat(otro.tipo().claveSegura()).isFalse();
            assertThat(otro.tipo().conNoFuiYo()).isTrue();
        }
        Aviso cambio = Aviso.de(TipoAviso.CLAVE_CAMBIADA);
        assertThat(DecisionAviso.bloqueo(cambio, false, () -> {
            throw new AssertionError("asked about a notice that is no lock");
        })).isSameAs(cambio);
        assertThat(TipoAviso.CLAVE_BLOQUEADA.unoPorPeriodo()).isTrue();
        assertThat(TipoAviso.CLAVE_BLOQUEADA_SEGUNDO_FACTOR.unoPorPeriodo()).isTrue();
        assertThat(TipoAviso.CLAVE_CAMBIADA.unoPorPeriodo()).isFalse();
        assertThat(TipoAviso.OFICINA_DESBLOQUEO.unoPorPeriodo()).isFalse();
    }

    @DisplayName("given the end of an account's lock period, then a lock notice goes once it has passed, not before")
    @Test
    void periodo() {
        assertThat(PeriodoAvisoBloqueo.toca(0, 1_000)).as("no period yet").isTrue();
        assertThat(PeriodoAvisoBloqueo.toca(5_000, 4_999)).isFalse();
        assertThat(PeriodoAvisoBloqueo.toca(5_000, 5_000)).isTrue();
        assertThat(PeriodoAvisoBloqueo.toca(5_000, 9_000)).isTrue();
    }

    @DisplayName("given the online enablement of a pending clave, then an enabled clave; any other profile update gives nothing")
    @Test
    void habilitacionOnline() {
        assertThat(evento("UPDATE_PROFILE", Map.of("anses_estado_clave", "HABILITADA"))).contains(TipoAviso.CLAVE_HABILITADA);
        assertThat(evento("UPDATE_PROFILE", Map.of("anses_paso", "pendiente", "estadoClave", "HABILITADA"))).contains(TipoAviso.CLAVE_HABILITADA);
        assertThat(evento("UPDATE_PROFILE", Map.of())).isEmpty();
        assertThat(TipoAviso.CLAVE_HABILITADA.aDireccionSinVerificar()).isTrue();
        assertThat(TipoAviso.CLAVE_CAMBIADA.aDireccionSinVerificar()).isFalse();
    }

    @DisplayName("given failed or unrelated events, then no notice")
    @Test
    void sinAviso() {
        assertThat(DecisionAviso.deEvento("UPDATE_CREDENTIAL", Map.of(), "anses_clave_no_cumple_politica", FALLOS)).isEmpty();
        assertThat(evento("LOGIN", Map.of())).isEmpty();
        assertThat(evento("RESET_PASSWORD", Map.of("anses_paso", "tramite"))).isEmpty();
        assertThat(evento("REGISTER", Map.of())).isEmpty();
        assertThat(evento(null, Map.of())).isEmpty();
    }

    private static Optional<Aviso> admin(String recurso, String op, String ruta, Estado antes, Estado despues, Map<String, ?> rep) {
        return DecisionAviso.deEventoAdmin(recurso, op, ruta, null, antes, despues, rep);
    }

    @DisplayName("given an office's update of a user, then the enablement of a pending clave, else a level change, else a change of the account")
    @Test
    void oficinaActualizaUsuario() {
        String ruta = "users/0b5e";
        assertThat(admin("USER", "UPDATE", ruta, new Estado(2, "PENDIENTE"), new Estado(2, "HABILITADA"), null))
                .contains(Aviso.de(TipoAviso.CLAVE_HABILITADA));
        assertThat(admin("USER", "UPDATE", ruta, new Estado(2, "HABILITADA"), new Estado(3, "HABILITADA"), null))
                .contains(new Aviso(TipoAviso.NIVEL_SUBIDO, 2, 3));
        assertThat(admin("USER", "UPDATE", ruta, new Estado(3, "HABILITADA"), new Estado(2, "HABILITADA"), null))
                .contains(new Aviso(TipoAviso.NIVEL_BAJADO, 3, 2));
        assertThat(admin("USER", "UPDATE", ruta, new Estado(2, "HABILITADA"), new Estado(2, "HABILITADA"), null))
                .contains(Aviso.de(TipoAviso.OFICINA_DATOS));
        assertThat(admin("USER", "UPDATE", ruta, null, new Estado(2, "HABILITADA"), null)).contains(Aviso.de(TipoAviso.OFICINA_DATOS));
    }

    @DisplayName("given the office's other changes, then a temporary clave, an unlock, a removed sign-in method, a level by CUIL")
    @Test
    void oficinaOtrosCambios() {
        assertThat(admin("USER", "ACTION", "users/0b5e/reset-password", null, null, null)).contains(Aviso.de(TipoAviso.OFICINA_CLAVE));
        assertThat(admin("USER", "ACTION", "users/0b5e/logout", null, null, null)).isEmpty();
        assertThat(admin("USER", "DELETE", "users/0b5e/credentials/77", null, null, null)).contains(Aviso.de(TipoAviso.OFICINA_METODO_QUITADO));
        assertThat(admin("USER", "DELETE", "users/0b5e", null, null, null)).isEmpty();
        assertThat(admin("USER_LOGIN_FAILURE", "DELETE", "attack-detection/brute-force/users/0b5e", null, null, null))
                .contains(Aviso.de(TipoAviso.OFICINA_DESBLOQUEO));
        // Keycloak's own record of the failures cleared by enabling a user: the update itself is the notice.
        assertThat(admin("USER_LOGIN_FAILURE", "DELETE", "users/0b5e", null, null, null)).isEmpty();
        assertThat(admin("ANSES_NIVEL", "UPDATE", "anses-nivel/20317320486", null, null, Map.of("nivelAnterior", 2, "nivelNuevo", 3)))
                .contains(new Aviso(TipoAviso.NIVEL_SUBIDO, 2, 3));
        assertThat(admin("ANSES_NIVEL", "UPDATE", "anses-nivel/20317320486", null, null, Map.of("nivelAnterior", 3, "nivelNuevo", 3))).isEmpty();
        assertThat(admin("ANSES_HABILITACION", "UPDATE", "anses-habilitacion/27326667779", null, null,
                Map.of("estadoAnterior", "PENDIENTE", "estadoNuevo", "HABILITADA", "nivelNuevo", 2))).contains(Aviso.de(TipoAviso.CLAVE_HABILITADA));
        assertThat(admin("USER", "CREATE", "users/0b5e", null, null, null)).isEmpty();
        assertThat(DecisionAviso.deEventoAdmin("USER", "UPDATE", "users/0b5e", "error", null, null, null)).isEmpty();
    }

    @DisplayName("given Línea 130's events, then a clave given (UPDATE) is told once as Línea 130's, with No fui yo; questions "
            + "asked, wrong answers and refusals (ACTION) are not")
    @Test
    void linea130() {
        assertThat(admin("ANSES_LINEA_130", "UPDATE", "anses-linea-130/27420050041", null, null, Map.of("resultado", "CORREO")))
                .contains(Aviso.de(TipoAviso.LINEA_130));
        assertThat(TipoAviso.LINEA_130.conNoFuiYo()).isTrue();
        assertThat(admin("ANSES_LINEA_130", "ACTION", "anses-linea-130/27420050041", null, null, Map.of("resultado", "INCORRECTA"))).isEmpty();
        assertThat(admin("ANSES_LINEA_130", "UPDATE", "anses-nivel/27420050041", null, null, Map.of("resultado", "CORREO"))).isEmpty();
    }

    @DisplayName("given an admin event's path, then the account it is about, by id or by CUIL")
    @Test
    void cuenta() {
        assertThat(DecisionAviso.cuenta("users/0b5e")).contains("id:0b5e");
        assertThat(DecisionAviso.cuenta("users/0b5e/reset-password")).contains("id:0b5e");
        assertThat(DecisionAviso.cuenta("attack-detection/brute-force/users/0b5e")).contains("id:0b5e");
        assertThat(DecisionAviso.cuenta("anses-nivel/20317320486")).contains("cuil:20317320486");
        assertThat(DecisionAviso.cuenta("anses-habilitacion/27326667779")).contains("cuil:27326667779");
        assertThat(DecisionAviso.cuenta("anses-linea-130/27420050041")).contains("cuil:27420050041");
        assertThat(DecisionAviso.cuenta("clients/abc")).isEmpty();
        assertThat(DecisionAviso.cuenta(null)).isEmpty();
    }

    @DisplayName("given Crear clave's clave step while an address waits to be confirmed by a citizen without a verified one, "
            + "then no notice now; its confirmation carries the creation (or the recovery, with the level before) instead")
    @Test
    void avisoAlConfirmarCorreo() {
        assertThat(evento("REGISTER", Map.of("anses_paso", "clave", "anses_aviso_con_correo", "true"))).isEmpty();
        assertThat(evento("UPDATE_CREDENTIAL", Map.of("anses_paso", "clave", "anses_aviso_con_correo", "true"))).isEmpty();
        assertThat(evento("UPDATE_EMAIL", Map.of("anses_paso", "correo", "updated_email", "ana@correo.example",
                "anses_correo_anterior_verificado", "false", "anses_clave", "creada"))).contains(TipoAviso.CLAVE_CREADA);
        assertThat(DecisionAviso.deEvento("UPDATE_EMAIL", Map.of("anses_paso", "correo", "updated_email", "ana@correo.example",
                "anses_correo_anterior_verificado", "false", "anses_clave", "recuperada", "anses_nivel_anterior", "3"), null, FALLOS))
                .contains(new Aviso(TipoAviso.CLAVE_RECUPERADA, 3, 2));
        assertThat(DecisionAviso.aLaDireccionAnterior("UPDATE_EMAIL", Map.of("anses_paso", "correo",
                "updated_email", "ana@correo.example", "anses_correo_anterior_verificado", "false", "anses_clave", "creada"), null)).isEmpty();
    }

    @DisplayName("given a verified address replaced by a confirmed new one, then the change notice goes to the account's "
            + "(new) address and to the previous one; an unverified previous address, or the same one, is told nothing")
    @Test
    void correoCambiado() {
        Map<String, String> cambio = Map.of("anses_paso", "correo", "previous_email", "vieja@correo.example",
                "updated_email", "nueva@correo.example", "anses_correo_anterior_verificado", "true", "anses_clave", "recuperada");
        assertThat(evento("UPDATE_EMAIL", cambio)).contains(TipoAviso.CORREO_CAMBIADO);
        assertThat(DecisionAviso.aLaDireccionAnterior("UPDATE_EMAIL", cambio, null)).contains("vieja@correo.example");
        assertThat(DecisionAviso.aLaDireccionAnterior("UPDATE_EMAIL", cambio, "some_error")).isEmpty();
        assertThat(DecisionAviso.aLaDireccionAnterior("UPDATE_PROFILE", cambio, null)).isEmpty();
        assertThat(DecisionAviso.aLaDireccionAnterior("UPDATE_EMAIL", Map.of("previous_email", "vieja@correo.example",
                "updated_email", "nueva@correo.example"), null)).as("previous not known to be verified").isEmpty();
        assertThat(DecisionAviso.aLaDireccionAnterior("UPDATE_EMAIL", Map.of("previous_email", "Misma@correo.example",
                "updated_email", "misma@correo.example", "anses_correo_anterior_verificado", "true"), null)).isEmpty();
        assertThat(evento("UPDATE_EMAIL", Map.of("previous_email", "vieja@correo.example", "updated_email", "nueva@correo.example")))
                .as("Keycloak's own email change").contains(TipoAviso.CORREO_CAMBIADO);
        assertThat(new Aviso(TipoAviso.CORREO_CAMBIADO, 0, 0).a("vieja@correo.example").direccion()).isEqualTo("vieja@correo.example");
    }

    @DisplayName("given Keycloak's Update email sending its link to a new address (SEND_VERIFY_EMAIL of the required "
            + "action UPDATE_EMAIL), then the change-requested notice, with its No fui yo; Verify email's own link, or a "
            + "failed send, calls for none")
    @Test
    void correoCambioPedido() {
        assertThat(evento("SEND_VERIFY_EMAIL", Map.of("custom_required_action", "UPDATE_EMAIL", "email", "nueva@correo.example")))
                .contains(TipoAviso.CORREO_CAMBIO_PEDIDO);
        assertThat(evento("SEND_VERIFY_EMAIL", Map.of("custom_required_action", "update_email"))).contains(TipoAviso.CORREO_CAMBIO_PEDIDO);
        assertThat(evento("SEND_VERIFY_EMAIL", Map.of("custom_required_action", "VERIFY_EMAIL"))).isEmpty();
        assertThat(evento("SEND_VERIFY_EMAIL", Map.of())).isEmpty();
        assertThat(DecisionAviso.deEvento("SEND_VERIFY_EMAIL", Map.of("custom_required_action", "UPDATE_EMAIL"),
                "email_send_failed", FALLOS)).isEmpty();
        assertThat(TipoAviso.CORREO_CAMBIO_PEDIDO.conNoFuiYo()).isTrue();
        assertThat(TipoAviso.CORREO_CAMBIO_PEDIDO.aDireccionSinVerificar()).as("only a verified address in use is told").isFalse();
    }

    @DisplayName("given the address an account had before a change, then it is told too only if it was verified and is no "
            + "longer the account's (changed, in any case, or removed)")
    @Test
    void direccionReemplazada() {
        assertThat(DecisionAviso.direccionReemplazada("vieja@correo.example", true, "nueva@correo.example")).contains("vieja@correo.example");
        assertThat(DecisionAviso.direccionReemplazada("vieja@correo.example", true, null)).as("removed").contains("vieja@correo.example");
        assertThat(DecisionAviso.direccionReemplazada("vieja@correo.example", false, "nueva@correo.example")).as("never verified").isEmpty();
        assertThat(DecisionAviso.direccionReemplazada("Vieja@correo.example", true, "vieja@correo.example")).as("the same").isEmpty();
        assertThat(DecisionAviso.direccionReemplazada(null, true, "nueva@correo.example")).as("a first address").isEmpty();
        assertThat(DecisionAviso.direccionReemplazada(" ", true, "nueva@correo.example")).isEmpty();
    }

    @DisplayName("given a logout, then only a confirmed No fui yo (reason anses_no_fui_yo) calls for a notice, its confirmation")
    @Test
    void noFuiYo() {
        assertThat(evento("LOGOUT", Map.of("reason", "anses_no_fui_yo"))).contains(TipoAviso.NO_FUI_YO);
        assertThat(evento("LOGOUT", Map.of())).isEmpty();
        assertThat(evento("LOGOUT", Map.of("reason", "user_session_expired"))).isEmpty();
        assertThat(DecisionAviso.deEvento("LOGOUT", Map.of("reason", "anses_no_fui_yo"), "invalid_token", FALLOS)).isEmpty();
        assertThat(TipoAviso.NO_FUI_YO.conNoFuiYo()).as("its own confirmation carries no link").isFalse();
        assertThat(TipoAviso.CLAVE_CAMBIADA.conNoFuiYo()).isTrue();
    }
}
