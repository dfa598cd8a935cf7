package ar.gob.anses.clavess.testsupport;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A person who uses only the keyboard: Tab to move, keys to type, Enter and Space to press. */
public final class SoloTeclado {

    private final WebDriver chromium;

    public SoloTeclado(WebDriver chromium) {
        this.chromium = chromium;
    }

    /** Presses Tab until the element with that id has the focus (as a person would, in page order). */
    public SoloTeclado tabHasta(String id) {
        return tabHasta(() -> id.equals(foco().getDomAttribute("id")), "#" + id);
    }

    /** Presses Tab until the first element the selector finds has the focus (an element without an id of its own). */
    public SoloTeclado tabHasta(By selector) {
        return tabHasta(() -> {
            List<WebElement> hallados = chromium.findElements(selector);
            return !hallados.isEmpty() && hallados.get(0).equals(foco());
        }, selector.toString());
    }

    /** Presses Tab until the focus is inside the element (a group of radio buttons, say). */
    public SoloTeclado tabHastaDentroDe(WebElement grupo) {
        return tabHasta(() -> !grupo.findElements(By.cssSelector(":focus")).isEmpty(), "#" + grupo.getDomAttribute("id"));
    }

    private SoloTeclado tabHasta(BooleanSupplier llegado, String destino) {
        for (int i = 0; i < 80; i++) {
            if (llegado.getAsBoolean()) {
                return this;
            }
            teclas(Keys.TAB);
        }
        throw new AssertionError("Tab never reaches " + destino + "; the focus is on " + foco().getTagName() + "#" + foco().getDomAttribute("id"));
    }

    public SoloTeclado teclas(CharSequence... teclas) {
        new Actions(chromium).sendKeys(teclas).perform();
        return this;
    }

    /** Replaces what the focused field holds. */
    public SoloTeclado reemplazar(String texto) {
        new Actions(chromium).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform();
        return teclas(texto);
    }

    public WebElement foco() {
        return chromium.switchTo().activeElement();
    }
}
