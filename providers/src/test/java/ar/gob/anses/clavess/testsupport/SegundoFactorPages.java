package ar.gob.anses.clavess.testsupport;

import java.io.IOException;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** Keycloak's second-factor pages in the anses theme, driven over HTTP as a citizen does them (no JavaScript). */
public final class SegundoFactorPages {

    private SegundoFactorPages() {
    }

    /** What the TOTP set-up leaves: the citizen's app, and the page the set-up led to. */
    public record TotpConfigurado(Totp totp, Page landed) {
    }

    /** On the TOTP set-up page: "¿No podés escanear?", the key typed into the app, its code and the phone's name. */
    public static TotpConfigurado configurarTotp(HtmlPage setup) throws IOException {
        HtmlPage manual = (HtmlPage) setup.getHtmlElementById("mode-manual").click();
        Totp totp = new Totp(manual.getHtmlElementById("kc-totp-secret-key").getTextContent());
        manual.<HtmlInput>getHtmlElementById("totp").setValue(totp.siguiente());
        manual.<HtmlInput>getHtmlElementById("userLabel").setValue("Mi celular");
        return new TotpConfigurado(totp, manual.getHtmlElementById("saveTOTPBtn").click());
    }

    /** On the page that asks for the code after the clave (Keycloak's OTP form): the code, then Ingresar. */
    public static Page codigo(HtmlPage otp, String codigo) throws IOException {
        otp.<HtmlInput>getHtmlElementById("otp").setValue(codigo);
        return otp.getHtmlElementById("kc-login").click();
    }

    /** Whether this is the page that asks for the TOTP code after the clave. */
    public static boolean pideCodigo(Page page) {
        return page instanceof HtmlPage html && html.getElementById("kc-otp-login-form") != null;
    }

    /** On the recovery codes page: "Guardé estos códigos", then Terminar. */
    public static Page guardarCodigos(HtmlPage page) throws IOException {
        page.<HtmlCheckBoxInput>getHtmlElementById("kcRecoveryCodesConfirmationCheck").setChecked(true);
        return page.getHtmlElementById("saveRecoveryAuthnCodesBtn").click();
    }
}
