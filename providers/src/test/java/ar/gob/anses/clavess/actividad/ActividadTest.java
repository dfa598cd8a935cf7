package ar.gob.anses.clavess.actividad;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.avisos.TipoAviso;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActividadTest {

    private static final int FALLOS = 5;
    private static final long T0 = ZonedDateTime.of(2026, 12, 3, 3, 30, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final long HORA = 3_600_000L;
    private static final Function<String, EntradaActividad.Dispositivo> NINGUNO = s -> null;

    private static List<EntradaActividad> entradas(Suceso... sucesos) {
        return Actividad.entradas(List.of(sucesos), 0, FALLOS, NINGUNO);
    }

    private static Suceso usuario(String id, long tiempo, String tipo, Map<String, String> detalles, String error) {
        return Suceso.deUsuario(id, tiempo, tipo, detalles, error, "mi-anses", "181.23.45.67", null);
    }

    @DisplayName("given logins and changes in any order, then the entries are newest first, each with its message key")
    @Test
    void masNuevasPrimero() {
        List<EntradaActividad> lista = entradas(
                usuario("a", T0, "LOGIN", Map.of(), null),
                usuario("c", T0 + 2 * HORA, "UPDATE_CREDENTIAL", Map.of("credential_type", "password"), null),
                usuario("b", T0 + HORA, "UPDATE_CREDENTIAL", Map.of("credential_type", "otp"), null));
        assertThat(lista).extracting(EntradaActividad::id).containsExactly("c", "b", "a");
        assertThat(lista).extracting(EntradaActividad::mensaje)
                .containsExactly("ansesActividadClaveCambiada", "ansesActividadFactorAgregado", "ansesActividadIngreso");
    }

    @DisplayName("given an instant at 03:30 UTC, then it is shown at 00:30 of the same day in Argentina (UTC-3)")
    @Test
    void horaArgentina() {
        EntradaActividad e = entradas(usuario("a", T0, "LOGIN", Map.of(), null)).get(0);
        assertThat(e.cuando()).isEqualTo("03/12/2026 00:30");
        assertThat(e.cuandoIso()).isEqualTo("2026-12-03T00:30-03:00");
    }

    @DisplayName("given what Keycloak stores besides (refreshes, other logouts, failed changes, Keycloak's deprecated twin "
            + "events, errors other than a wrong clave), then none of it is shown")
    @Test
    void soloLoQueImporta() {
        assertThat(entradas(
                usuario("1", T0, "CODE_TO_TOKEN", Map.of(), null),
                usuario("2", T0, "LOGOUT", Map.of(), null),
                usuario("3", T0, "UPDATE_PASSWORD", Map.of(), null),
                usuario("4", T0, "UPDATE_CREDENTIAL", Map.of("credential_type", "password"), "invalid_password"),
                usuario("5", T0, "LOGIN_ERROR", Map.of(), "user_temporarily_disabled"),
                usuario("6", T0, "UPDATE_PROFILE", Map.of(), null))).isEmpty();
    }

    @DisplayName("given a login, a wrong clave, a lock and a confirmed No fui yo, then only the login offers No fui yo; "
            + "a failed attempt, the lock (nothing was done in her name, as its notice says) and the No fui yo itself do not")
    @Test
    void noFuiYoDondeCorresponde() {
        List<EntradaActividad> lista = entradas(
                usuario("1", T0 + 4, "LOGIN", Map.of(), null),
                usuario("2", T0 + 3, "LOGIN_ERROR", Map.of(), "invalid_user_credentials"),
                usuario("3", T0 + 2, "USER_DISABLED_BY_TEMPORARY_LOCKOUT", Map.of("num_failures", "5"), null),
                usuario("4", T0 + 1, "LOGOUT", Map.of("reason", "anses_no_fui_yo"), null));
        assertThat(lista).extracting(EntradaActividad::mensaje).containsExactly("ansesActividadIngreso",
                "ansesActividadIngresoFallido", "ansesActividadClaveBloqueada", "ansesActividadNoFuiYo");
        assertThat(lista).extracting(EntradaActividad::noFuiYo).containsExactly(true, false, false, false);
    }

    @DisplayName("given office staff's changes as recorded (a level, a temporary clave, an unlock, a kind this version "
            + "does not know), then they come from an office, with no app and no address, and the level change names both levels")
    @Test
    void oficina() {
        List<EntradaActividad> lista = entradas(
                Suceso.deOficina("n", T0 + 3, "NIVEL_SUBIDO", 2, 3),
                Suceso.deOficina("c", T0 + 2, "OFICINA_CLAVE", 0, 0),
                Suceso.deOficina("d", T0 + 1, "OFICINA_DESBLOQUEO", 0, 0),
                Suceso.deOficina("x", T0, "UN_TIPO_FUTURO", 0, 0));
        assertThat(lista).extracting(EntradaActividad::mensaje).containsExactly("ansesActividadNivelSubido",
                "ansesActividadOficinaClave", "ansesActividadOficinaDesbloqueo");
        assertThat(lista.get(0).parametros()).containsExactly("2", "3");
        assertThat(lista).allSatisfy(e -> {
            assertThat(e.origen()).isEqualTo(EntradaActividad.Origen.OFICINA);
            assertThat(e.clientId()).isNull();
            assertThat(e.direccion()).isNull();
        });
    }

    @DisplayName("given a session whose device Keycloak recorded, then the browser and system are shown and no address; "
            + "without one, only the masked address")
    @Test
    void desdeDonde() {
        List<Suceso> sucesos = List.of(
                Suceso.deUsuario("1", T0 + 1, "LOGIN", Map.of(), null, "mi-anses", "181.23.45.67", "s1"),
                Suceso.deUsuario("2", T0, "LOGIN", Map.of(), null, "mi-anses", "181.23.45.67", "vieja"));
        List<String> consultadas = new ArrayList<>();
        List<EntradaActividad> lista = Actividad.entradas(sucesos, 0, FALLOS, s -> {
            consultadas.add(s);
            return "s1".equals(s) ? new EntradaActividad.Dispositivo("Chrome", "Linux") : null;
        });
        assertThat(lista.get(0).origen()).isEqualTo(EntradaActividad.Origen.DISPOSITIVO);
        assertThat(lista.get(0).navegador()).isEqualTo(new EntradaActividad.Dispositivo("Chrome", "Linux"));
        assertThat(lista.get(0).direccion()).isNull();
        assertThat(lista.get(1).origen()).isEqualTo(EntradaActividad.Origen.CONEXION);
        assertThat(lista.get(1).direccion()).isEqualTo("181.23.x.x");
        assertThat(consultadas).containsExactlyInAnyOrder("s1", "vieja");
    }

    @DisplayName("given addresses, then an IPv4 keeps its first two parts, an IPv6 its first two groups, and anything "
            + "else is not shown")
    @Test
    void direccionEnmascarada() {
        assertThat(Actividad.enmascarar("181.23.45.67")).isEqualTo("181.23.x.x");
        assertThat(Actividad.enmascarar("2800:810:4d2:1::7")).isEqualTo("2800:810:…");
        assertThat(Actividad.enmascarar("::1")).isEqualTo("…");
        assertThat(Actividad.enmascarar("")).isNull();
        assertThat(Actividad.enmascarar(null)).isNull();
        assertThat(Actividad.enmascarar("<script>")).isNull();
    }

    @DisplayName("given events older than the window, then they are left out")
    @Test
    void ventana() {
        assertThat(Actividad.entradas(List.of(usuario("viejo", T0 - 1, "LOGIN", Map.of(), null),
                usuario("nuevo", T0, "LOGIN", Map.of(), null)), T0, FALLOS, NINGUNO))
                .extracting(EntradaActividad::id).containsExactly("nuevo");
    }

    @DisplayName("given more events than a page holds, then the newest are kept")
    @Test
    void maximo() {
        Suceso[] muchos = new Suceso[Actividad.MAXIMO + 10];
        for (int i = 0; i < muchos.length; i++) {
            muchos[i] = usuario("e" + i, T0 + i, "LOGIN", Map.of(), null);
        }
        List<EntradaActividad> lista = entradas(muchos);
        assertThat(lista).hasSize(Actividad.MAXIMO);
        assertThat(lista.get(0).id()).isEqualTo("e" + (muchos.length - 1));
    }

    @DisplayName("given every kind of change, then each has its message in the account theme, in Spanish and in English, "
            + "and so do the page's own texts")
    @Test
    void mensajesEnElTema() throws IOException {
        for (String idioma : List.of("es", "en")) {
            Properties mensajes = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of("../themes/anses/account/messages/messages_" + idioma + ".properties"),
                    StandardCharsets.UTF_8)) {
                mensajes.load(r);
            }
            List<String> claves = new ArrayList<>(List.of(Actividad.INGRESO, Actividad.INGRESO_FALLIDO, "ansesActividad",
                    "ansesActividadDescripcion", "ansesActividadVacia", "ansesActividadError", "ansesActividadCuando",
                    "ansesActividadDonde", "ansesActividadAplicacion", "ansesActividadNoFuiYoEnlace",
                    "ansesActividadNoFuiYoAyuda", "ansesActividadDesdeOficina", "ansesActividadDesdeNavegador",
                    "ansesActividadDesdeUno", "ansesActividadDesdeDireccion", "ansesActividadDesdeDesconocido",
                    "ansesActividadSinAplicacion", "ansesActividadCargando"));
            for (TipoAviso tipo : TipoAviso.values()) {
                claves.add(Actividad.mensaje(tipo));
            }
            assertThat(claves).as(idioma).allSatisfy(k -> assertThat(mensajes.getProperty(k)).as(idioma + " " + k).isNotBlank());
        }
    }
}
