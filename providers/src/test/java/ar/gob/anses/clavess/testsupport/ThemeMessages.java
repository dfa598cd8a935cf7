package ar.gob.anses.clavess.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The texts of the anses login (or account) theme as Keycloak assembles them: the jar's theme-resources messages
 * (shared by every theme) under the theme's own, read from the source files the jar is built from.
 */
public final class ThemeMessages {

    private final Properties messages = new Properties();
    private final Locale locale;

    private ThemeMessages(String language, Path themeMessages) {
        this.locale = Locale.forLanguageTag(language);
        String bundle = "messages_" + language + ".properties";
        load(Path.of("src/main/resources/theme-resources/messages").resolve(bundle));
        load(themeMessages.resolve(bundle));
    }

    private void load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ThemeMessages spanish() {
        return new ThemeMessages("es", Path.of(System.getProperty("theme.messages.dir", "../themes/anses/login/messages")));
    }

    /** The login theme's English texts (the realm's other supported locale). */
    public static ThemeMessages english() {
        return new ThemeMessages("en", Path.of(System.getProperty("theme.messages.dir", "../themes/anses/login/messages")));
    }

    /** The account console's texts that the anses account theme overrides (i18next's {{n}}, not MessageFormat: no parameters). */
    public static ThemeMessages cuentaSpanish() {
        return new ThemeMessages("es", Path.of("../themes/anses/account/messages"));
    }

    /** The notices' texts of the anses email theme. */
    public static ThemeMessages correoSpanish() {
        return new ThemeMessages("es", Path.of("../themes/anses/email/messages"));
    }

    /** A copy of the texts, as a theme's {@code getMessages} gives them. */
    public Properties propiedades() {
        Properties copia = new Properties();
        copia.putAll(messages);
        return copia;
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... params) {
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no message " + key);
        }
        return new MessageFormat(pattern, locale).format(params);
    }
}
