package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.completarClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.elegirClave;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.presionar;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.titulo;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.habilitacion.PlazoHabilitacion;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.CorreoDePrueba;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The claves of the agency's former system (realm-export/claves-legadas-demo.json, the json-file registry the test
 * server is given) log in once and become accounts here: every hash format, both levels, a pending clave, a clave that
 * breaks today's policy; a wrong legacy clave answers as a CUIL in no registry does, with the same hashes computed.
 * Each citizen of the file is this class's own (CONTRIBUTING).
 */
@ExtendWith({KeycloakExtension.class, CorreoDePrueba.class})
class ClavesLegadasIT {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final ThemeMessages CORREO = ThemeMessages.correoSpanish();

    private final KeycloakServer server;
    private final CorreoDePrueba correo;
    private final Oidc oidc;

    ClavesLegadasIT(KeycloakServer server, CorreoDePrueba correo) throws Exception {
        this.server = server;
        this.correo = correo;
        this.oidc = new Oidc(server);
        correo.apuntar(new AdminApi(server));
    }

    @DisplayName("given a legacy clave of each format and level, when its citizen logs in for the first time, then she lands in "
            + "the app, her account has the padrón's name, the entry's level and email, and her clave logs in again from here")
    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource(delimiter = '|', value = {
            "27446000018|bcrypt $2a$|Jacaranda3|2|Acosta|florencia.acosta@correo.example|true",
            "20446000021|bcrypt $2b$|Palmera8Sur|2|Benítez||false",
            "27446000034|bcrypt $2y$|Tala5Monte|2|Cáceres|gabriela.caceres@correo.example|false",
            "20446000048|pbkdf2-sha1|Quebrada6Mar|2|Domínguez||false",
            "27446000050|pbkdf2-sha256|Sauce2Norte|3|Escobar|hilda.escobar@correo.example|true",
            "20446000064|sha1|Calden7Rio|2|Ferreyra||false",
            "27446000077|sha256|Mistol4Cima|2|Godoy||false"})
    void primerIngreso(String cuil, String formato, String clave, int nivel, String apellido, String email, boolean confirmado)
            throws Exception {
        AdminApi admin = new AdminApi(server);
        assertThat(admin.get("users?exact=true&username=" + cuil)).isEmpty();

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        Page landed = LoginPage.open(LoginPage.browser(), request.uri()).submit(cuil, clave);
        assertThat(LoginPage.loggedIn(landed, request)).as(formato).isTrue();
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(landed)));
        assertThat(((Number) oidc.verify(tokens.get("id_token").asText()).getClaim("nivel")).intValue()).isEqualTo(nivel);

        JsonNode user = admin.get("users?exact=true&username=" + cuil).get(0);
        assertThat(user.get("lastName").asText()).isEqualTo(apellido);
        assertThat(user.get("attributes").get("nivel").get(0).asText()).isEqualTo(String.valueOf(nivel));
        assertThat(user.path("email").asText(null)).isEqualTo(email);
        assertThat(user.get("emailVerified").asBoolean()).isEqualTo(confirmado);
        // Stored with the realm's hashing: Keycloak's own credential, whatever the former system used.
        JsonNode credenciales = admin.get("users/" + user.get("id").asText() + "/credentials");
        assertThat(credenciales).hasSize(1);
        assertThat(credenciales.get(0).get("credentialData").asText()).contains("argon2");

        Oidc.Request otra = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), otra.uri()).submit(cuil, clave), otra)).isTrue();
        if (confirmado) {
            // The one notice: her clave moved here (to her confirmed address only).
            List<MimeMessage> avisos = correo.esperar(email, 1);
            assertThat(avisos).hasSize(1);
            assertThat(avisos.get(0).getSubject()).isEqualTo(CORREO.get("ansesAvisoClaveMigradaAsunto"));
        }
    }

    @DisplayName("given a pending legacy clave (a resident abroad's), when she logs in with it, then she gets the pending page with "
            + "the days left counted from the clave's original creation, and no account: a pending request, as any")
    @Test
    void pendiente() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage pagina = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit("20446000080", "Lapacho6Sur");

        long creada = LocalDate.parse("2026-11-20").atStartOfDay(ZoneId.of("America/Argentina/Buenos_Aires")).toInstant().toEpochMilli();
        long dias = new PlazoHabilitacion(PlazoHabilitacion.DIAS_POR_DEFECTO).diasRestantes(creada, server.ahora().toEpochMilli());
        assertThat(Oidc.query(pagina.getUrl().toURI())).doesNotContainKey("code");
        if (dias > 0) {
            assertThat(titulo(pagina)).isEqualTo(ES.get("ansesClavePendienteTitulo"));
            assertThat(pagina.getElementById("anses-dias-restantes").getTextContent())
                    .contains(ES.get("ansesClavePendienteDias", dias, "", 90).split("\\(")[0].strip());
        } else {
            assertThat(titulo(pagina)).isEqualTo(ES.get("ansesClavePendienteVencidaTitulo"));
        }
        AdminApi admin = new AdminApi(server);
        assertThat(admin.get("users?exact=true&username=20446000080")).isEmpty();
        if (dias > 0) {
            JsonNode estado = admin.get("anses-habilitacion/20446000080");
            assertThat(estado.get("estadoClave").asText()).isEqualTo("PENDIENTE");
            assertThat(estado.get("solicitudes")).hasSize(1);
        }
    }

    @DisplayName("given a legacy clave that breaks today's policy, when she logs in, then she is in this once and asked right away "
            + "for a new clave, told why; the new one logs in, the old one no longer does")
    @Test
    void fueraDePolitica() throws Exception {
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage cambiar = (HtmlPage) LoginPage.open(LoginPage.browser(), request.uri()).submit("27446000093", "clavevieja1");
        assertThat(titulo(cambiar)).isEqualTo(ES.get("ansesClaveComunTitulo"));
        assertThat(cambiar.getElementById("anses-intro").getTextContent().strip()).isEqualTo(ES.get("ansesClaveLegadaPoliticaIntro"));

        Page app = presionar(completarClave(cambiar, "Tusca8Monte", "Tusca8Monte"));
        assertThat(LoginPage.loggedIn(app, request)).isTrue();
        Oidc.Request nueva = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), nueva.uri()).submit("27446000093", "Tusca8Monte"), nueva)).isTrue();
        LoginPage vieja = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit("27446000093", "clavevieja1"));
        assertThat(vieja.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
    }

    @DisplayName("given a CUIL only in the legacy registry, when she creates a clave by her DNI's trámite, then the new clave opens "
            + "her account; and once that account is gone, her former clave makes none again: Crear clave retired its entry")
    @Test
    void crearClaveRetiraLaLegada() throws Exception {
        String cuil = "27446000158";
        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        HtmlPage tramite = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), request)), cuil, true);
        HtmlPage finalizar = elegirClave(ingresarTramite(tramite, "00644600158"), "Tintitaco5Sur", "Tintitaco5Sur");
        assertThat(finalizar.getElementById("anses-habilitada")).as(finalizar.asNormalizedText()).isNotNull();
        assertThat(LoginPage.loggedIn(presionar(finalizar), request)).isTrue();

        // Without the account, a former clave still in the registry would make one at this login (primerIngreso).
        AdminApi admin = new AdminApi(server);
        assertThat(admin.delete("users/" + admin.userId(cuil))).isEqualTo(204);
        LoginPage vieja = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(cuil, "Piquillin6Sur"));
        assertThat(vieja.alert()).isEqualTo(ES.get("ansesInvalidCredentials"));
        assertThat(admin.get("users?exact=true&username=" + cuil)).isEmpty();
    }

    @DisplayName("given a wrong clave for a legacy CUIL, for a CUIL in no registry and for an account, then all get the same page "
            + "and cost the same hashes (one legacy, one of the realm's), and the legacy entry still migrates with its right clave")
    @Test
    void incorrectaComoDesconocida() throws Exception {
        String metricas = server.metrics();
        double legado = hashes(metricas, "legado");
        double realm = hashes(metricas, "realm");

        LoginPage legada = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit("20446000102", "Ombu3Deltas"));
        metricas = server.metrics();
        assertThat(hashes(metricas, "legado") - legado).isEqualTo(1);
        assertThat(hashes(metricas, "realm") - realm).isEqualTo(1);

        LoginPage desconocida = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri())
                .submit(CuilsDePrueba.nuevo(), "Ombu3Deltas"));
        String despues = server.metrics();
        assertThat(hashes(despues, "legado") - hashes(metricas, "legado")).isEqualTo(1);
        assertThat(hashes(despues, "realm") - hashes(metricas, "realm")).isEqualTo(1);

        // A CUIL with an account: its Argon2 and the same dummy legacy hash, never the registry.
        String conCuenta = CuilsDePrueba.nuevo();
        new AdminApi(server).crearCiudadano(conCuenta, "Con", "Cuenta", CuilsDePrueba.dni(conCuenta), 2, "Ombu3Delta", false);
        String antesDeLaCuenta = server.metrics();
        LoginPage cuenta = LoginPage.of(LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(conCuenta, "Ombu3Deltas"));
        assertThat(hashes(server.metrics(), "legado") - hashes(antesDeLaCuenta, "legado")).isEqualTo(1);

        assertThat(legada.alert()).isEqualTo(ES.get("ansesInvalidCredentials")).isEqualTo(desconocida.alert()).isEqualTo(cuenta.alert());
        assertThat(legada.title()).isEqualTo(desconocida.title()).isEqualTo(cuenta.title());
        assertThat(new AdminApi(server).get("users?exact=true&username=20446000102")).isEmpty();

        Oidc.Request request = oidc.request(Oidc.MI_ANSES);
        assertThat(LoginPage.loggedIn(LoginPage.open(LoginPage.browser(), request.uri()).submit("20446000102", "Ombu3Delta"), request)).isTrue();
    }

    private static double hashes(String metricas, String tipo) {
        return AvisosIT.metrica(metricas, "anses_claves_legadas_hashes_total", "tipo=\"" + tipo + "\"");
    }
}
