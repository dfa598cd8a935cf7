package ar.gob.anses.clavess.testsupport;

import ar.gob.anses.clavess.flujo.DesafioRobot;
import ar.gob.anses.clavess.padron.Persona;
import ar.gob.anses.clavess.verificacion.TipoPregunta;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;

/** The Crear clave pages, driven as a citizen would over HTTP (the anti-robot work done in Java). */
public final class CrearClavePages {

    private static final ThemeMessages ES = ThemeMessages.spanish();
    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CrearClavePages() {
    }

    /** From the Mi ANSES login page, "CREÁ TU CLAVE": the Políticas de Seguridad page. */
    public static HtmlPage desdeElLogin(WebClient browser, Oidc.Request request) throws IOException {
        HtmlPage login = (HtmlPage) browser.getPage(request.uri().toURL());
        return html(login.getHtmlElementById("anses-crea-tu-clave").click());
    }

    public static HtmlPage aceptarPoliticas(HtmlPage politicas) throws IOException {
        HtmlCheckBoxInput acepto = politicas.getHtmlElementById("acepto");
        acepto.setChecked(true);
        return continuar(politicas);
    }

    /** Types the CUIL and, when {@code resolverRobot}, does what the page's script does for "No soy un robot". */
    public static HtmlPage ingresarCuil(HtmlPage page, String cuil, boolean resolverRobot) throws IOException {
        return continuar(completarCuil(page, cuil, resolverRobot));
    }

    /** The CUIL step of a resident abroad: "En el exterior", the CUIL and the anti-robot check. */
    public static HtmlPage ingresarCuilDesdeElExterior(HtmlPage page, String cuil) throws IOException {
        page.<HtmlRadioButtonInput>getHtmlElementById("residencia-exterior").setChecked(true);
        return ingresarCuil(page, cuil, true);
    }

    /** Elegí tu clave with the email address too (required for a resident abroad, optional for a resident). */
    public static HtmlPage elegirClaveConEmail(HtmlPage page, String email, String clave) throws IOException {
        page.<HtmlInput>getHtmlElementById("email").setValue(email);
        return elegirClave(page, clave, clave);
    }

    /** Confirmá tu correo: types the code and presses CONFIRMAR. */
    public static HtmlPage ingresarCodigo(HtmlPage page, String codigo) throws IOException {
        page.<HtmlInput>getHtmlElementById("codigo").setValue(codigo);
        return html(page.getHtmlElementById("anses-confirmar").click());
    }

    /** Confirmá tu correo: "Enviarme otro código". */
    public static HtmlPage reenviarCodigo(HtmlPage page) throws IOException {
        return html(page.getHtmlElementById("anses-reenviar").click());
    }

    /** Confirmá tu correo: "Saltear" (or, once out of tries, "Continuar sin confirmar el correo"): Finalizar. */
    public static HtmlPage saltear(HtmlPage page) throws IOException {
        return html(page.getHtmlElementById("anses-saltear").click());
    }

    /** Fills the CUIL step as {@link #ingresarCuil} does, without sending it (to send many at once). */
    public static HtmlPage completarCuil(HtmlPage page, String cuil, boolean resolverRobot) {
        page.<HtmlInput>getHtmlElementById("cuil").setValue(cuil);
        if (resolverRobot) {
            HtmlElement robot = page.getHtmlElementById("anses-robot");
            DesafioRobot desafio = new DesafioRobot(robot.getAttribute("data-salt"), robot.getAttribute("data-challenge"),
                    Integer.parseInt(robot.getAttribute("data-maximo")));
            page.<HtmlInput>getHtmlElementById("robot").setValue(String.valueOf(desafio.resolver()));
        }
        return page;
    }

    public static HtmlPage ingresarTramite(HtmlPage page, String tramite) throws IOException {
        return continuar(completarTramite(page, tramite));
    }

    public static HtmlPage completarTramite(HtmlPage page, String tramite) {
        page.<HtmlInput>getHtmlElementById("tramite").setValue(tramite);
        return page;
    }

    /** Answers every question as the person would, knowing their own data; or "No sé" everywhere. */
    public static HtmlPage responder(HtmlPage page, Persona persona, boolean bien) throws IOException {
        return continuar(completarRespuestas(page, persona, bien));
    }

    public static HtmlPage completarRespuestas(HtmlPage page, Persona persona, boolean bien) {
        for (DomElement fieldset : page.querySelectorAll("fieldset.anses-pregunta").stream().map(DomElement.class::cast).toList()) {
            TipoPregunta tipo = tipo(fieldset.querySelector("legend").getTextContent());
            List<HtmlRadioButtonInput> opciones = fieldset.querySelectorAll("input[type=radio]").stream()
                    .map(HtmlRadioButtonInput.class::cast).toList();
            HtmlRadioButtonInput elegida = opciones.get(opciones.size() - 1); // No sé / Ninguna de esas
            if (bien) {
                for (HtmlRadioButtonInput opcion : opciones.subList(0, opciones.size() - 1)) {
                    String texto = page.querySelector("label[for='" + opcion.getId() + "']").getTextContent().strip();
                    if (correcta(persona, tipo, texto)) {
                        elegida = opcion;
                    }
                }
            } else {
                elegida = opciones.get(0);
                for (HtmlRadioButtonInput opcion : opciones.subList(0, opciones.size() - 1)) {
                    String texto = page.querySelector("label[for='" + opcion.getId() + "']").getTextContent().strip();
                    if (!correcta(persona, tipo, texto)) {
                        elegida = opcion; // a wrong option for sure
                    }
                }
            }
            elegida.setChecked(true);
        }
        return page;
    }

    public static HtmlPage elegirClave(HtmlPage page, String clave, String confirmacion) throws IOException {
        return continuar(completarClave(page, clave, confirmacion));
    }

    public static HtmlPage completarClave(HtmlPage page, String clave, String confirmacion) {
        page.<HtmlInput>getHtmlElementById("clave").setValue(clave);
        page.<HtmlInput>getHtmlElementById("confirmacion").setValue(confirmacion);
        return page;
    }

    /** Presses the button of the page's form (CONTINUAR, NUEVO INTENTO); stays an HTML page. */
    public static HtmlPage continuar(HtmlPage page) throws IOException {
        return html(presionar(page));
    }

    /** Presses the button of the page's form; wherever it leads (COMENZAR A UTILIZAR goes back to the app). */
    public static Page presionar(HtmlPage page) throws IOException {
        HtmlElement button = page.querySelector("#anses-form button[type=submit]");
        if (button == null) {
            throw new AssertionError("no form button on " + page.getUrl() + ": " + page.asNormalizedText());
        }
        return button.click();
    }

    public static String titulo(HtmlPage page) {
        return text(page.getElementById("kc-page-title"));
    }

    public static String alerta(HtmlPage page) {
        return Optional.ofNullable(page.querySelector(".pf-v5-c-alert__title")).map(CrearClavePages::text).orElse(null);
    }

    public static String errorDeCampo(HtmlPage page, String campo) {
        return text(page.getElementById("input-error-" + campo));
    }

    /** The kind of a question, from its text as the page shows it. */
    public static TipoPregunta tipo(String pregunta) {
        for (TipoPregunta tipo : TipoPregunta.values()) {
            if (ES.get(tipo.messageKey()).equals(pregunta.strip())) {
                return tipo;
            }
        }
        throw new AssertionError("unknown question: " + pregunta);
    }

    /** Whether an option of a question is the person's true answer. */
    public static boolean correcta(Persona persona, TipoPregunta tipo, String texto) {
        return switch (tipo) {
            case CATEGORIA_AUTONOMO -> persona.categoriaAutonomo().map(texto::equals).orElse(false);
            case PROVINCIA_NACIMIENTO -> persona.provinciaNacimiento().map(texto::equals).orElse(false);
            case EMPLEADOR -> persona.empleadores().contains(texto);
            case PRESTACION -> persona.prestaciones().contains(texto);
            case CANTIDAD_EMPLEADORES -> !persona.empleadores().isEmpty()
                    && texto.equals(List.of("1", "2", "3", "4 o más").get(Math.min(persona.empleadores().size(), 4) - 1));
            case FECHA_EMISION_DNI -> persona.fechaEmisionDni().map(FECHA::format).map(texto::equals).orElse(false);
            case FECHA_NACIMIENTO -> texto.equals(FECHA.format(persona.fechaNacimiento()));
        };
    }

    private static HtmlPage html(Page page) {
        if (!(page instanceof HtmlPage)) {
            throw new AssertionError("not an HTML page: " + page.getUrl() + " " + page.getWebResponse().getStatusCode());
        }
        return (HtmlPage) page;
    }

    private static String text(Object node) {
        return node == null ? null : ((DomElement) node).getTextContent().strip().replaceAll("\\s+", " ");
    }
}
