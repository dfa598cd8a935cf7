package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.cuenta.HoraArgentina;
import ar.gob.anses.clavess.testsupport.Accesibilidad;
import ar.gob.anses.clavess.testsupport.ActividadDePrueba;
import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.Chromium;
import ar.gob.anses.clavess.testsupport.CuilsDePrueba;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import ar.gob.anses.clavess.testsupport.LoginPage;
import ar.gob.anses.clavess.testsupport.Oidc;
import ar.gob.anses.clavess.testsupport.Requisitos;
import ar.gob.anses.clavess.testsupport.SoloTeclado;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Actividad de tu cuenta" (issue 22), end to end: the endpoint gives a citizen her own events and nobody else's, and
 * only to the account console's token; the page in the account console lists them newest first in Argentina time, with
 * "No fui yo" where it applies, no address and no clave, passes axe, reflows at 320 px and is used by keyboard alone.
 * Every citizen here is created by the test that uses it.
 */
@ExtendWith(KeycloakExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActividadIT {

    private static final ThemeMessages CUENTA = ThemeMessages.cuentaSpanish();
    private static final String CLAVE = "Lapacho5Sur";

    private final KeycloakServer server;
    private AdminApi admin;
    private WebDriver chromium;

    ActividadIT(KeycloakServer server) {
        this.server = server;
    }

    /** A fresh admin token for each test: the browser test outlasts the master realm's one-minute admin token. */
    @BeforeEach
    void adminApi() throws Exception {
        admin = new AdminApi(server);
    }

    @AfterAll
    void cerrar() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    private String crear(String cuil, String nombre) throws Exception {
        admin.crearCiudadano(cuil, nombre, "Actividad", CuilsDePrueba.dni(cuil), 2, CLAVE, false);
        return admin.userId(cuil);
    }

    @DisplayName("given no token, a garbled one, or an app's token of the citizen, then the endpoint refuses; the account "
            + "console's token of the same citizen reads it")
    @Test
    void soloConElTokenDeLaConsola() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        crear(cuil, "Dora");
        assertThat(ActividadDePrueba.leer(server, null, null).statusCode()).isEqualTo(401);
        assertThat(ActividadDePrueba.leer(server, "no.es.un-token", null).statusCode()).isEqualTo(401);
        String deLaApp = ActividadDePrueba.token(server, LoginPage.browser(), Oidc.MI_ANSES, cuil, CLAVE);
        HttpResponse<String> app = ActividadDePrueba.leer(server, deLaApp, null);
        assertThat(app.statusCode()).isEqualTo(403);
        assertThat(app.body()).doesNotContain(CUENTA.get("ansesActividadIngreso"));
        String deLaConsola = ActividadDePrueba.token(server, LoginPage.browser(), ActividadDePrueba.CONSOLA, cuil, CLAVE);
        HttpResponse<String> consola = ActividadDePrueba.leer(server, deLaConsola, null);
        assertThat(consola.statusCode()).isEqualTo(200);
        assertThat(consola.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @DisplayName("given two citizens, then each one's token reads only her own events, whatever parameter names the other")
    @Test
    void cadaUnaLoSuyo() throws Exception {
        String ana = CuilsDePrueba.nueva();
        String beto = CuilsDePrueba.nuevo();
        String anaId = crear(ana, "Ana");
        String betoId = crear(beto, "Beto");
        // Ana: a wrong clave, then a login to an app; Beto only logs in to the console.
        WebClient navegador = LoginPage.browser();
        LoginPage.of(LoginPage.open(navegador, new Oidc(server).request(Oidc.MI_ANSES).uri()).submit(ana, "Equivocada1"));
        String anaToken = ActividadDePrueba.token(server, navegador, ActividadDePrueba.CONSOLA, ana, CLAVE);
        String betoToken = ActividadDePrueba.token(server, LoginPage.browser(), ActividadDePrueba.CONSOLA, beto, CLAVE);

        Set<String> deAna = ids(ActividadDePrueba.entradas(server, anaToken));
        Set<String> deBeto = ids(ActividadDePrueba.entradas(server, betoToken));
        assertThat(deAna).containsAll(ids(admin.get("events?user=" + anaId + "&type=LOGIN&type=LOGIN_ERROR&max=50")));
        assertThat(deBeto).containsExactlyInAnyOrderElementsOf(ids(admin.get("events?user=" + betoId + "&type=LOGIN&max=50")));
        assertThat(deBeto).doesNotContainAnyElementsOf(deAna);
        HttpResponse<String> conOtroUsuario = ActividadDePrueba.leer(server, betoToken,
                "user=" + anaId + "&userId=" + anaId + "&usuario=" + ana + "&username=" + ana);
        assertThat(conOtroUsuario.statusCode()).isEqualTo(200);
        for (String id : deAna) {
            assertThat(conOtroUsuario.body()).doesNotContain(id);
        }
    }

    @DisplayName("given an office's level change in the console's user form, one through anses-nivel and a change of her "
            + "name, then the page lists each once, as its notice tells it, from an office, newest first (read from the "
            + "office actions' own table, by account)")
    @Test
    void oficinaComoElAviso() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String id = crear(cuil, "Elsa");
        ObjectNode datos = (ObjectNode) admin.get("users/" + id);
        ((ObjectNode) datos.get("attributes")).putArray("nivel").add("3");
        admin.put("users/" + id, datos);
        assertThat(admin.putRaw("anses-nivel/" + cuil, "{\"nivel\": 2}").statusCode()).isEqualTo(204);
        datos = (ObjectNode) admin.get("users/" + id);
        datos.put("firstName", "Elisa");
        admin.put("users/" + id, datos);

        String token = ActividadDePrueba.token(server, LoginPage.browser(), ActividadDePrueba.CONSOLA, cuil, CLAVE);
        List<String> que = new ArrayList<>();
        List<String> donde = new ArrayList<>();
        ActividadDePrueba.entradas(server, token).forEach(e -> {
            que.add(e.get("que").asText());
            donde.add(e.get("donde").asText());
        });
        Locale esAr = Locale.forLanguageTag("es-AR");
        assertThat(que).containsExactly(CUENTA.get("ansesActividadIngreso"), CUENTA.get("ansesActividadOficinaDatos"),
                new MessageFormat(CUENTA.get("ansesActividadNivelBajado"), esAr).format(new Object[] {"3", "2"}),
                new MessageFormat(CUENTA.get("ansesActividadNivelSubido"), esAr).format(new Object[] {"2", "3"}));
        assertThat(donde.subList(1, 4)).containsOnly(CUENTA.get("ansesActividadDesdeOficina"));
    }

    @DisplayName("given a citizen's wrong clave, her login to an app, an office's change and her login to the console, "
            + "then Actividad de tu cuenta lists them newest first in Argentina time, from an office or a masked address, "
            + "with No fui yo on all but the failed attempt and no address, clave or DNI; axe-clean, 320 px, by keyboard")
    @ExtendWith(Requisitos.Chromium.class)
    @Test
    void paginaEnLaConsola() throws Exception {
        String cuil = CuilsDePrueba.nueva();
        String id = crear(cuil, "Clara");
        WebClient navegador = LoginPage.browser();
        LoginPage.of(LoginPage.open(navegador, new Oidc(server).request(Oidc.MI_ANSES).uri()).submit(cuil, "Equivocada1"))
                .submit(cuil, CLAVE);
        ObjectNode datos = (ObjectNode) admin.get("users/" + id);
        datos.put("firstName", "Clarisa");
        admin.put("users/" + id, datos);

        WebDriver chromium = chromium();
        SoloTeclado teclado = new SoloTeclado(chromium);
        WebDriverWait espera = new WebDriverWait(chromium, Duration.ofSeconds(60));
        chromium.get(server.realmUri() + "/account");
        espera.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        teclado.tabHasta("username").teclas(cuil).tabHasta("password").teclas(CLAVE);
        enviar(chromium, teclado);
        espera.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=accountSecurity] button")));
        // The menu by keyboard: under 1200 px it is behind the masthead's menu button; then "Seguridad de la cuenta"
        // opens with Enter, then "Actividad de tu cuenta".
        By menu = By.cssSelector(".pf-v5-c-masthead__toggle button");
        boolean abierto = false;
        if (!chromium.findElement(By.cssSelector("[data-testid=accountSecurity] button")).isDisplayed()) {
            abierto = true;
            teclado.tabHasta(menu).teclas(Keys.ENTER);
            espera.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accountSecurity] button")));
        }
        teclado.tabHasta(By.cssSelector("[data-testid=accountSecurity] button")).teclas(Keys.ENTER);
        By enlace = By.cssSelector("a[href*='/content/']");
        espera.until(ExpectedConditions.visibilityOfElementLocated(enlace));
        assertThat(chromium.findElement(enlace).getText()).isEqualTo(CUENTA.get("ansesActividad"));
        teclado.tabHasta(enlace).teclas(Keys.ENTER);
        try {
            espera.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#anses-actividad li")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no entries at " + chromium.getCurrentUrl() + "; the page says: "
                    + chromium.findElement(By.tagName("body")).getText() + "\nconsole:\n" + Chromium.consola(chromium), e);
        }

        if (abierto) { // the menu opened by keyboard is closed the same way, as on a phone, to read the page
            teclado.tabHasta(menu).teclas(Keys.ENTER);
            espera.until(d -> "false".equals(d.findElement(menu).getDomAttribute("aria-expanded")));
        }
        WebElement pagina = chromium.findElement(By.cssSelector(".anses-actividad-pagina"));
        assertThat(pagina.findElement(By.tagName("h1")).getText()).isEqualTo(CUENTA.get("ansesActividad"));
        List<WebElement> entradas = pagina.findElements(By.cssSelector("#anses-actividad > li"));
        assertThat(entradas).extracting(e -> e.findElement(By.cssSelector(".anses-actividad-que")).getText()).containsExactly(
                CUENTA.get("ansesActividadIngreso"), CUENTA.get("ansesActividadOficinaDatos"),
                CUENTA.get("ansesActividadIngreso"), CUENTA.get("ansesActividadIngresoFallido"));

        // When: the stored events' times, newest first, as Argentina's clock shows them.
        admin = new AdminApi(server);
        List<Long> tiempos = new ArrayList<>();
        admin.get("events?user=" + id + "&type=LOGIN&type=LOGIN_ERROR&max=50").forEach(e -> tiempos.add(e.get("time").asLong()));
        admin.get("admin-events?resourcePath=users/" + id + "&operationTypes=UPDATE&max=50").forEach(e -> tiempos.add(e.get("time").asLong()));
        tiempos.sort((a, b) -> Long.compare(b, a));
        assertThat(entradas).extracting(e -> e.findElement(By.tagName("time")).getText())
                .containsExactlyElementsOf(tiempos.stream().map(t -> HoraArgentina.FECHA_HORA.format(Instant.ofEpochMilli(t))).toList());
        assertThat(entradas).allSatisfy(e -> assertThat(e.findElement(By.tagName("time")).getDomAttribute("datetime")).endsWith("-03:00"));

        // From where and which app: the office is named as such; the failed attempt (no session) by a masked address.
        assertThat(entradas.get(0).getText()).contains(CUENTA.get("client_account-console"));
        assertThat(entradas.get(1).getText()).contains(CUENTA.get("ansesActividadDesdeOficina"));
        String appMiAnses = admin.get("clients?clientId=" + Oidc.MI_ANSES).get(0).path("name").asText(Oidc.MI_ANSES);
        assertThat(entradas.get(2).getText()).contains(appMiAnses.isBlank() ? Oidc.MI_ANSES : appMiAnses);
        assertThat(entradas.get(3).getText()).containsPattern("\\d+\\.\\d+\\.x\\.x");

        // No fui yo: on the logins and the change, not on the failed attempt; each link says which entry it is for.
        assertThat(entradas).extracting(e -> e.findElements(By.cssSelector("a.anses-actividad-no-fui-yo")).size())
                .containsExactly(1, 1, 1, 0);
        WebElement noFuiYo = entradas.get(0).findElement(By.cssSelector("a.anses-actividad-no-fui-yo"));
        assertThat(noFuiYo.getText()).isEqualTo(CUENTA.get("ansesActividadNoFuiYoEnlace"));
        assertThat(noFuiYo.getDomAttribute("href")).contains("/login-actions/action-token?key=");
        assertThat(chromium.findElement(By.id(noFuiYo.getDomAttribute("aria-describedby"))).getText())
                .isEqualTo(CUENTA.get("ansesActividadIngreso"));

        // Nothing secret: no full address, no clave, no DNI, no CUIL.
        String texto = pagina.getText() + ((JavascriptExecutor) chromium).executeScript("return arguments[0].innerHTML", pagina);
        assertThat(texto).doesNotContain("127.0.0.1").doesNotContain(CLAVE).doesNotContain("Equivocada1")
                .doesNotContain(CuilsDePrueba.dni(cuil)).doesNotContain(cuil).doesNotContainPattern("127\\.\\d+\\.\\d+\\.\\d+");

        Accesibilidad.revisarCuenta(chromium, "cuenta-actividad");

        // By keyboard to the first No fui yo, which opens its confirmation (nothing is done until it is confirmed).
        teclado.tabHasta(By.cssSelector("a.anses-actividad-no-fui-yo"));
        enviar(chromium, teclado);
        assertThat(chromium.findElements(By.id("anses-confirmar"))).hasSize(1);
    }

    private WebDriver chromium() {
        if (chromium == null) {
            chromium = Chromium.start();
        }
        Chromium.limpiar(chromium, server.baseUri());
        return chromium;
    }

    /** Presses Enter on what has the focus and waits until the next page has loaded. */
    private static void enviar(WebDriver chromium, SoloTeclado teclado) {
        JavascriptExecutor js = (JavascriptExecutor) chromium;
        js.executeScript("window.ansesPaginaAnterior = true");
        teclado.teclas(Keys.ENTER);
        new WebDriverWait(chromium, Duration.ofSeconds(60)).ignoring(WebDriverException.class).until(d ->
                js.executeScript("return window.ansesPaginaAnterior === undefined && document.readyState === 'complete'"));
    }

    private static Set<String> ids(JsonNode lista) {
        Set<String> ids = new HashSet<>();
        lista.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }
}
