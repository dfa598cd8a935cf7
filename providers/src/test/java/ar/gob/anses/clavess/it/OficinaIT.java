package ar.gob.anses.clavess.it;

import static ar.gob.anses.clavess.testsupport.CrearClavePages.aceptarPoliticas;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.desdeElLogin;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarCuil;
import static ar.gob.anses.clavess.testsupport.CrearClavePages.ingresarTramite;
import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.Chromium;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.Totp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Office staff (realm role anses-oficina, demo user Marta Giménez) in the admin console and through the admin REST
 * API it uses: what they may do to citizens, and everything else refused.
 */
@ExtendWith(KeycloakExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OficinaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARTA = "27291112221";     // anses-oficina, clave Ceibo4Rama
    private static final String ESTER = "27346667775";     // citizen created here, level 2, clave Quebracho4
    private static final String RAUL = "20287776668";      // another staff member, created here in anses-personal
    private static final String TOMAS = "20331112225";     // citizen created here, level 2, raised in the console
    private static final String IGNACIO = "20420010029";   // padrón person, staff created here in anses-personal, locked here

    private final KeycloakServer server;
    private final Oidc oidc;
    private AdminApi admin;
    private AdminApi oficina;

    OficinaIT(KeycloakServer server) {
        this.server = server;
        this.oidc = new Oidc(server);
    }

    @BeforeAll
    void crearPersonas() throws Exception {
        admin = new AdminApi(server);
        admin.crearCiudadano(ESTER, "Ester", "Quiroga", "34666777", 2, "Quebracho4", false);
        assertThat(admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Raúl", "lastName": "Sosa", "groups": ["/anses-personal"],
                 "attributes": {"dni": ["28777666"], "nivel": ["3"]},
                 "credentials": [{"type": "password", "value": "Lapacho8Rio", "temporary": false}]}
                """.formatted(RAUL)).statusCode()).isEqualTo(201);
        assertThat(admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Tomás", "lastName": "Ruiz",
                 "attributes": {"dni": ["33111222"], "nivel": ["2"]}}
                """.formatted(TOMAS)).statusCode()).isEqualTo(201);
        assertThat(admin.postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Ignacio", "lastName": "Vera", "groups": ["/anses-personal"],
                 "attributes": {"dni": ["42001002"], "nivel": ["3"]}}
                """.formatted(IGNACIO)).statusCode()).isEqualTo(201);
        oficina = AdminApi.as(server, MARTA, "Ceibo4Rama");
    }

    @DisplayName("given a staff member, then every office endpoint that takes her CUIL (level, clave state, enablement, "
            + "provisional clave, verification attempts and their lift) answers a clerk 403, the same before and after she has "
            + "a verification lock, the list of locks leaves her out and the lock stays; a clerk's own CUIL is out of her "
            + "reach the same way; an admin reads the lock and lifts it")
    @Test
    void personalFueraDelAlcanceDeOficina() throws Exception {
        List<String> antes = respuestasDeOficina(IGNACIO);
        HtmlPage page = ingresarCuil(aceptarPoliticas(desdeElLogin(LoginPage.browser(), oidc.request(Oidc.MI_ANSES))), IGNACIO, true);
        for (String tramite : List.of("00000000001", "00000000002", "00000000003")) {
            page = ingresarTramite(page, tramite);
        }
        assertThat(admin.get("anses-verificacion/bloqueos/" + IGNACIO).get("bloqueada").asBoolean()).isTrue();

        List<String> despues = respuestasDeOficina(IGNACIO);
        assertThat(despues).allMatch(r -> r.startsWith("403 "));
        assertThat(despues).as("the same answers whether she has a lock or not").isEqualTo(antes);
        assertThat(oficina.get("anses-verificacion/bloqueos").findValuesAsText("cuil")).doesNotContain(IGNACIO);
        assertThat(admin.get("anses-verificacion/bloqueos").findValuesAsText("cuil")).contains(IGNACIO);
        assertThat(admin.get("anses-verificacion/bloqueos/" + IGNACIO).get("bloqueada").asBoolean()).as("the clerk lifted nothing").isTrue();
        assertThat(admin.get("users?exact=true&username=" + IGNACIO).get(0).at("/attributes/nivel/0").asText()).isEqualTo("3");

        assertThat(respuestasDeOficina(MARTA)).as("the clerk's own CUIL").allMatch(r -> r.startsWith("403 "));

        assertThat(admin.get("anses-nivel/" + IGNACIO).get("nivel").asInt()).isEqualTo(3);
        assertThat(admin.delete("anses-verificacion/bloqueos/" + IGNACIO)).isEqualTo(204);
        assertThat(admin.get("anses-verificacion/bloqueos/" + IGNACIO).get("bloqueada").asBoolean()).isFalse();
    }

    /** The status and body a clerk gets from each office endpoint that takes a CUIL, called on {@code cuil}. */
    private List<String> respuestasDeOficina(String cuil) throws Exception {
        List<HttpResponse<String>> respuestas = List.of(
                oficina.getRaw("anses-nivel/" + cuil),
                oficina.putRaw("anses-nivel/" + cuil, "{\"nivel\": 3}"),
                oficina.getRaw("anses-habilitacion/" + cuil),
                oficina.postRaw("anses-habilitacion/" + cuil, "{\"nivel\": 3, \"codigo\": \"AAAA-BBBB-CCCC\"}"),
                oficina.postRaw("anses-habilitacion/" + cuil + "/clave-provisoria", ""),
                oficina.getRaw("anses-verificacion/bloqueos/" + cuil),
                oficina.deleteRaw("anses-verificacion/bloqueos/" + cuil),
                oficina.getRaw("anses-verificacion/habilitacion/bloqueos/" + cuil),
                oficina.deleteRaw("anses-verificacion/habilitacion/bloqueos/" + cuil));
        return respuestas.stream().map(r -> r.statusCode() + " " + r.request().method() + " " + r.uri().getPath() + " " + r.body()).toList();
    }

    @DisplayName("given office staff, when they find a citizen by CUIL and raise them to 3, then the citizen's next token says 3 "
            + "and an admin event names the staff member with old and new level; the console's own user form is audited the same way")
    @Test
    void cambiaNivel() throws Exception {
        JsonNode encontrados = oficina.get("users?search=" + ESTER);
        assertThat(encontrados).hasSize(1);
        assertThat(encontrados.get(0).get("username").asText()).isEqualTo(ESTER);
        assertThat(acr()).isEqualTo("2");

        assertThat(oficina.putRaw("anses-nivel/" + ESTER, "{\"nivel\": 3}").statusCode()).isEqualTo(204);
        assertThat(acr()).isEqualTo("3");
        assertUltimoCambio(1, 2, 3);

        // the console saves the whole user; it also refuses a level that does not exist
        ObjectNode usuario = (ObjectNode) oficina.get("users/" + encontrados.get(0).get("id").asText());
        ((ObjectNode) usuario.get("attributes")).set("nivel", JSON.createArrayNode().add("7"));
        assertThat(oficina.putRaw("users/" + usuario.get("id").asText(), usuario.toString()).statusCode()).isEqualTo(400);
        ((ObjectNode) usuario.get("attributes")).set("nivel", JSON.createArrayNode().add("2"));
        assertThat(oficina.putRaw("users/" + usuario.get("id").asText(), usuario.toString()).statusCode()).isEqualTo(204);
        assertThat(acr()).isEqualTo("2");
        assertUltimoCambio(2, 3, 2);
    }

    @DisplayName("given office staff in the admin console (Chromium, Spanish), when they search a staff member's CUIL, then "
            + "nobody is found; when they search a citizen's CUIL, open the citizen, choose level 3 and save, then the level is 3 "
            + "and the change is audited with its old value")
    @ExtendWith(Requisitos.Chromium.class)
    @Test
    void consola() throws Exception {
        WebDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
            chromium.get(server.baseUri() + "admin/" + KeycloakServer.REALM + "/console/#/" + KeycloakServer.REALM + "/users");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("27-29111222-1");
            chromium.findElement(By.id("password")).sendKeys("Ceibo4Rama");
            chromium.findElement(By.id("kc-login")).click();
            // Her role demands the second factor: the code of her TOTP app, typed where the page puts the focus.
            new WebDriverWait(chromium, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> "otp".equals(d.switchTo().activeElement().getDomAttribute("id")));
            chromium.switchTo().activeElement().sendKeys(Totp.delPersonal(MARTA).siguiente() + Keys.ENTER);
            By buscar = By.cssSelector("input[placeholder='Buscar usuario']");
            wait.until(ExpectedConditions.presenceOfElementLocated(buscar))
                    .sendKeys(IGNACIO + Keys.ENTER); // a staff member: out of the clerk's reach in the console too
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//*[normalize-space()='No se encontraron resultados de búsqueda']"))); // the console's noSearchResults
            assertThat(chromium.findElements(By.linkText(IGNACIO))).isEmpty();
            WebElement otraBusqueda = wait.until(ExpectedConditions.presenceOfElementLocated(buscar)); // the empty page drew it anew
            otraBusqueda.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            otraBusqueda.sendKeys(TOMAS + Keys.ENTER);
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText(TOMAS))).click();

            WebElement nivel = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nivel")));
            ((JavascriptExecutor) chromium).executeScript("arguments[0].scrollIntoView({block: 'center'})", nivel);
            nivel.click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@role='option'][normalize-space()='3']"))).click();
            chromium.findElement(By.xpath("//button[@type='submit'][normalize-space()='Guardar']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pf-v5-c-alert__title"), "guardado"));
        } finally {
            chromium.quit();
        }
        assertThat(admin.get("anses-nivel/" + TOMAS).get("nivel").asInt()).isEqualTo(3);
        JsonNode events = admin.get("admin-events?resourcePath=anses-nivel/" + TOMAS + "&max=5");
        assertThat(events).hasSize(1);
        assertThat(JSON.readTree(events.get(0).get("representation").asText()).get("nivelAnterior").asInt()).isEqualTo(2);
        assertThat(events.get(0).at("/authDetails/userId").asText()).isEqualTo(admin.userId(MARTA));
    }

    @DisplayName("given a citizen with failed logins, when office staff unlock the clave, then Keycloak's counter is back to zero; "
            + "and staff can read login and admin events")
    @Test
    void desbloqueaYLeeEventos() throws Exception {
        LoginPage.open(LoginPage.browser(), oidc.request(Oidc.MI_ANSES).uri()).submit(ESTER, "Equivocada1");
        assertThat(admin.bruteForce(ESTER).get("numFailures").asInt()).isPositive();

        assertThat(oficina.delete("attack-detection/brute-force/users/" + admin.userId(ESTER))).isEqualTo(204);
        assertThat(admin.bruteForce(ESTER).get("numFailures").asInt()).isZero();

        assertThat(oficina.get("events?type=LOGIN_ERROR&max=5")).isNotEmpty();
        assertThat(oficina.getRaw("admin-events?max=5").statusCode()).isEqualTo(200);
    }

    @DisplayName("given office staff, then realm settings, clients, roles, flows, other staff's accounts, creating staff accounts "
            + "and deleting a citizen "
            + "are all refused, and the citizen is still there")
    @Test
    void nadaMas() throws Exception {
        assertThat(oficina.putRaw("", "{\"displayName\": \"Otra\"}").statusCode()).isEqualTo(403);
        assertThat(oficina.getRaw("clients").statusCode()).isEqualTo(403);
        String miAnses = admin.get("clients?clientId=" + Oidc.MI_ANSES).get(0).get("id").asText();
        assertThat(oficina.putRaw("clients/" + miAnses, "{\"clientId\": \"mi-anses\", \"redirectUris\": [\"*\"]}").statusCode()).isEqualTo(403);
        assertThat(oficina.postRaw("roles", "{\"name\": \"anses-todo\"}").statusCode()).isEqualTo(403);
        assertThat(oficina.getRaw("authentication/flows").statusCode()).isEqualTo(403);

        JsonNode realmAdmin = admin.get("clients?clientId=realm-management").get(0);
        JsonNode rol = admin.get("clients/" + realmAdmin.get("id").asText() + "/roles/realm-admin");
        String martaId = admin.userId(MARTA);
        assertThat(oficina.postRaw("users/" + martaId + "/role-mappings/clients/" + realmAdmin.get("id").asText(),
                "[" + rol + "]").statusCode()).isEqualTo(403);

        String raulId = admin.userId(RAUL);
        assertThat(oficina.getRaw("users/" + raulId).statusCode()).isEqualTo(403);
        assertThat(oficina.putRaw("users/" + raulId + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Tomado9Sol\", \"temporary\": false}").statusCode()).isEqualTo(403);
        assertThat(oficina.get("users?search=" + RAUL)).isEmpty();

        // Creating an account straight into the staff group: refused, and nothing is created.
        HttpResponse<String> enPersonal = oficina.postRaw("users", """
                {"username": "20111222339", "enabled": true, "firstName": "Nuevo", "lastName": "Personal",
                 "attributes": {"dni": ["11122233"], "nivel": ["2"]}, "groups": ["/anses-personal"]}""");
        assertThat(enPersonal.statusCode()).as(enPersonal.body()).isEqualTo(403);
        assertThat(admin.get("users?exact=true&username=20111222339")).isEmpty();

        String esterId = admin.userId(ESTER);
        HttpResponse<String> borrado = oficina.deleteRaw("users/" + esterId);
        assertThat(borrado.statusCode()).isEqualTo(403);
        assertThat(borrado.body()).contains("anses_oficina_no_borra_cuentas");
        assertThat(admin.getRaw("users/" + esterId).statusCode()).isEqualTo(200);
    }

    private String acr() throws Exception {
        Oidc.Request request = oidc.request(Oidc.TEST_CLIENT);
        Page landed = LoginPage.open(LoginPage.browser(), request.uri()).submit(ESTER, "Quebracho4");
        JsonNode tokens = request.exchange(request.codeFrom(LoginPage.landedOn(landed)));
        return oidc.verify(tokens.get("id_token").asText()).getStringClaim("acr");
    }

    /** Ester has had {@code cambios} level changes; the newest went from anterior to nuevo, by Marta. */
    private void assertUltimoCambio(int cambios, int anterior, int nuevo) throws Exception {
        JsonNode events = admin.get("admin-events?resourcePath=anses-nivel/" + ESTER + "&max=50");
        assertThat(events).hasSize(cambios);
        JsonNode cambio = JSON.readTree(events.get(0).get("representation").asText());
        assertThat(cambio.get("cuil").asText()).isEqualTo(ESTER);
        assertThat(cambio.get("nivelAnterior").asInt()).isEqualTo(anterior);
        assertThat(cambio.get("nivelNuevo").asInt()).isEqualTo(nuevo);
        assertThat(events.get(0).get("resourceType").asText()).isEqualTo("ANSES_NIVEL");
        assertThat(events.get(0).at("/authDetails/userId").asText()).isEqualTo(admin.userId(MARTA));
        assertThat(events.get(0).get("time").asLong()).isPositive();
    }
}
