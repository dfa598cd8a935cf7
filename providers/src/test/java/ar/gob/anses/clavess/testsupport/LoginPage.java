package ar.gob.anses.clavess.testsupport;

import ar.gob.anses.clavess.flujo.DesafioRobot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** The Mi ANSES login page driven over HTTP by HtmlUnit (no JavaScript needed by the form). */
public final class LoginPage {

    private final HtmlPage page;

    private LoginPage(HtmlPage page) {
        this.page = page;
    }

    /**
     * A browser that says it prefers Argentine Spanish, as a citizen's does, connecting from its test class's own
     * loopback address ({@link DireccionesDePrueba#delQueLlama}): what the server counts per address is the class's own.
     */
    public static WebClient browser() {
        return browser(DireccionesDePrueba.delQueLlama());
    }

    /**
     * The same browser connecting from {@code desde}, another loopback address (127.x.y.z): Keycloak sees it as
     * another client address, which the per-address limits and events tell apart. Null: the system's choice.
     */
    public static WebClient browser(InetAddress desde) {
        BrowserVersion spanish = new BrowserVersion.BrowserVersionBuilder(BrowserVersion.CHROME)
                .setBrowserLanguage("es-AR").setAcceptLanguageHeader("es-AR,es;q=0.9").build();
        WebClient client = new WebClient(spanish);
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        client.getOptions().setLocalAddress(desde);
        return client;
    }

    public static LoginPage open(WebClient browser, URI authorizationRequest) throws IOException {
        return of(browser.getPage(authorizationRequest.toURL()));
    }

    public static LoginPage of(Page page) {
        if (!(page instanceof HtmlPage) || ((HtmlPage) page).getElementById("kc-form-login") == null) {
            throw new AssertionError("not the login page: " + page.getUrl() + " (" + page.getWebResponse().getStatusCode() + ")\n"
                    + page.getWebResponse().getContentAsString());
        }
        return new LoginPage((HtmlPage) page);
    }

    /** Types both fields and presses INGRESAR; returns wherever the browser ends up. */
    public Page submit(String cuil, String clave) throws IOException {
        HtmlForm form = page.getHtmlElementById("kc-form-login");
        form.getInputByName("username").setValue(cuil);
        form.getInputByName("password").setValue(clave);
        return page.getHtmlElementById("kc-login").click();
    }

    /**
     * The same, with the "No soy un robot" proof of work solved as the page's script would solve it (the form asks for
     * it past the address's budget of failed claves, or while the realm's alarm is on).
     */
    public Page submitResolviendoRobot(String cuil, String clave) throws IOException {
        HtmlElement robot = page.getHtmlElementById("anses-robot");
        DesafioRobot desafio = new DesafioRobot(robot.getAttribute("data-salt"), robot.getAttribute("data-challenge"),
                Integer.parseInt(robot.getAttribute("data-maximo")));
        page.<HtmlInput>getHtmlElementById("robot").setValue(String.valueOf(desafio.resolver()));
        return submit(cuil, clave);
    }

    /** Whether the form carries the "No soy un robot" proof of work. */
    public boolean pideRobot() {
        return page.getElementById("anses-robot") != null;
    }

    /** Whether the browser came back to the app with a code for this request (a login page is a no). */
    public static boolean loggedIn(Page landed, Oidc.Request request) {
        return landed.getUrl().toString().startsWith(request.redirectUri + "?") && request.codeFrom(landedOn(landed)) != null;
    }

    public static URI landedOn(Page page) {
        try {
            return page.getUrl().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return page.getWebResponse().getStatusCode();
    }

    /** The message at the top of the form (wrong CUIL or clave, lock), or null. */
    public String alert() {
        return text(page.querySelector(".pf-v5-c-alert__title"));
    }

    /** The message under a field ("username" is the CUIL, "password" the clave), or null. */
    public String fieldError(String field) {
        return text(page.getElementById("input-error-" + field));
    }

    public String cuilValue() {
        return page.getHtmlElementById("username").getAttribute("value");
    }

    public String passwordValue() {
        return page.getHtmlElementById("password").getAttribute("value");
    }

    public String html() {
        return page.getWebResponse().getContentAsString();
    }

    public String title() {
        return text(page.getElementById("kc-page-title"));
    }

    private static String text(Object node) {
        return node == null ? null : ((DomElement) node).getTextContent().strip().replaceAll("\\s+", " ");
    }
}
