package ar.gob.anses.clavess.senales;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.avisos.DecisionAviso;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DecisionSenalTest {

    private static final Map<String, String> RECUPERACION_DE_NIVEL_3 = Map.of("anses_paso", "clave", "anses_nivel_anterior", "3");

    @DisplayName("Crear clave's recovery of a level-3 account is 3→2; of a level-2 one, or any other step or event, is no change")
    @Test
    void recuperacionEnLinea() {
        assertThat(DecisionSenal.deEvento("UPDATE_CREDENTIAL", RECUPERACION_DE_NIVEL_3, null)).contains(new DecisionSenal.Cambio(3, 2));
        assertThat(DecisionSenal.deEvento("UPDATE_CREDENTIAL", Map.of("anses_paso", "clave", "anses_nivel_anterior", "2"), null)).isEmpty();
        assertThat(DecisionSenal.deEvento("UPDATE_CREDENTIAL", RECUPERACION_DE_NIVEL_3, "anses_clave_no_cumple_politica")).isEmpty();
        assertThat(DecisionSenal.deEvento("RESET_PASSWORD", RECUPERACION_DE_NIVEL_3, null)).as("an intermediate step").isEmpty();
        assertThat(DecisionSenal.deEvento("UPDATE_CREDENTIAL", Map.of("anses_nivel_anterior", "3"), null)).as("Cambiar clave, not a recovery").isEmpty();
        assertThat(DecisionSenal.deEvento("UPDATE_CREDENTIAL", Map.of("anses_paso", "clave", "anses_nivel_anterior", "tres"), null)).isEmpty();
        assertThat(DecisionSenal.deEvento("UPDATE_CREDENTIAL", null, null)).isEmpty();
    }

    @DisplayName("an office's level change through anses-nivel, or a console user update that changed nivel, is that change; "
            + "an unchanged level, an unknown one, a failed call or another resource is none")
    @Test
    void cambiosDeOficina() {
        assertThat(deOficina("ANSES_NIVEL", "UPDATE", "anses-nivel/20123456786", null, null, null,
                Map.of("nivelAnterior", 2, "nivelNuevo", 3))).contains(new DecisionSenal.Cambio(2, 3));
        assertThat(deOficina("ANSES_NIVEL", "UPDATE", "anses-nivel/20123456786", null, null, null,
                Map.of("nivelAnterior", 3, "nivelNuevo", 3))).isEmpty();
        assertThat(deOficina("ANSES_NIVEL", "UPDATE", "anses-nivel/20123456786", "forbidden", null, null,
                Map.of("nivelAnterior", 2, "nivelNuevo", 3))).isEmpty();
        assertThat(deOficina("ANSES_NIVEL", "UPDATE", "anses-nivel/20123456786", null, null, null, null)).isEmpty();
        assertThat(deOficina("USER", "UPDATE", "users/4f1c", null, estado(3), estado(2), null)).contains(new DecisionSenal.Cambio(3, 2));
        assertThat(deOficina("USER", "UPDATE", "users/4f1c", null, estado(2), estado(2), null)).isEmpty();
        assertThat(deOficina("USER", "UPDATE", "users/4f1c", null, null, estado(3), null)).as("level before unknown").isEmpty();
        assertThat(deOficina("USER", "UPDATE", "users/4f1c/reset-password", null, estado(3), estado(2), null)).isEmpty();
        assertThat(deOficina("USER", "CREATE", "users/4f1c", null, null, estado(3), null)).isEmpty();
        assertThat(deOficina("CLIENT", "UPDATE", "users/4f1c", null, estado(2), estado(3), null)).isEmpty();
    }

    /** An admin event read as the notices read it, then as a signal. */
    private static Optional<DecisionSenal.Cambio> deOficina(String recurso, String operacion, String ruta, String error,
                                                            DecisionAviso.Estado antes, DecisionAviso.Estado despues, Map<String, ?> representacion) {
        return DecisionAviso.deEventoAdmin(recurso, operacion, ruta, error, antes, despues, representacion).flatMap(DecisionSenal::deAviso);
    }

    private static DecisionAviso.Estado estado(int nivel) {
        return new DecisionAviso.Estado(nivel, "HABILITADA");
    }

    @DisplayName("a confirmed No fui yo revokes the clave; any other logout does not")
    @Test
    void noFuiYo() {
        assertThat(DecisionSenal.claveRevocada("LOGOUT", Map.of("reason", "anses_no_fui_yo"), null)).isTrue();
        assertThat(DecisionSenal.claveRevocada("LOGOUT", Map.of("reason", "anses_no_fui_yo"), "invalid_token")).isFalse();
        assertThat(DecisionSenal.claveRevocada("LOGOUT", Map.of(), null)).isFalse();
        assertThat(DecisionSenal.claveRevocada("LOGOUT", null, null)).isFalse();
        assertThat(DecisionSenal.claveRevocada("UPDATE_CREDENTIAL", Map.of("reason", "anses_no_fui_yo"), null)).isFalse();
    }

    @DisplayName("the CAEP assurance-level-change says both levels as strings, its direction and the agency's namespace")
    @Test
    void eventoCaep() {
        CambioDeNivelCaep baja = new CambioDeNivelCaep(3, 2);
        assertThat(baja.getPreviousLevel()).isEqualTo("3");
        assertThat(baja.getCurrentLevel()).isEqualTo("2");
        assertThat(baja.getChangeDirection()).isEqualTo("decrease");
        assertThat(baja.getNamespace()).isEqualTo(CambioDeNivelCaep.NAMESPACE);
        assertThat(new CambioDeNivelCaep(2, 3).getChangeDirection()).isEqualTo("increase");
        assertThat(baja.getEventType()).isEqualTo(CambioDeNivelCaep.TYPE);
    }
}
