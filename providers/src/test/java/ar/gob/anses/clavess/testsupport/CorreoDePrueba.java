package ar.gob.anses.clavess.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one for the whole test run, stopped when the run ends.
 * Test classes ask for a {@code CorreoDePrueba} parameter ({@code @ExtendWith(CorreoDePrueba.class)}) and point the
 * shared Keycloak's realm at it with {@link #apuntar}.
 */
public final class CorreoDePrueba implements ParameterResolver {

    public static final String REMITENTE = "no-responder@correo.demo.anses.example";

    private GreenMail greenMail;
    private int puerto;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CorreoDePrueba.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return delRun(context);
    }

    /** The run's one mail server, started on first use: for fixtures that point a server of theirs at it. */
    public static CorreoDePrueba delRun(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CorreoDePrueba.class, key -> new Running(iniciar()), Running.class).correo;
    }

    private static CorreoDePrueba iniciar() {
        CorreoDePrueba correo = new CorreoDePrueba();
        correo.puerto = KeycloakServer.freePort();
        correo.greenMail = new GreenMail(new ServerSetup(correo.puerto, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        correo.greenMail.start();
        return correo;
    }

    public int puerto() {
        return puerto;
    }

    /** Sets the realm's SMTP server (Realm settings → Email) to this one, or to {@code puerto} on loopback. */
    public static void apuntar(AdminApi admin, int puerto) throws IOException, InterruptedException {
        var respuesta = admin.putRaw("", """
                {"smtpServer": {"host": "127.0.0.1", "port": "%d", "from": "%s", "fromDisplayName": "ANSES",
                 "connectionTimeout": "5000", "timeout": "5000"}}
                """.formatted(puerto, REMITENTE));
        if (respuesta.statusCode() / 100 != 2) {
            throw new AssertionError("setting the realm's SMTP server answered " + respuesta.statusCode() + ": " + respuesta.body());
        }
    }

    public void apuntar(AdminApi admin) throws IOException, InterruptedException {
        apuntar(admin, puerto);
    }

    /** Every message received so far addressed to {@code direccion}, oldest first. */
    public List<MimeMessage> para(String direccion) {
        List<MimeMessage> mensajes = new ArrayList<>();
        for (MimeMessage mensaje : greenMail.getReceivedMessages()) {
            try {
                Address[] a = mensaje.getAllRecipients();
                if (a != null && Arrays.stream(a).anyMatch(x -> x.toString().equalsIgnoreCase(direccion))) {
                    mensajes.add(mensaje);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mensajes;
    }

    /** The messages addressed to {@code direccion}, once there are at least {@code cuantos}; fails after {@link Espera#PLAZO}. */
    public List<MimeMessage> esperar(String direccion, int cuantos) throws Exception {
        return esperar(direccion, cuantos, Espera.PLAZO);
    }

    /** The messages addressed to {@code direccion}, once there are at least {@code cuantos}; fails after {@code plazo}. */
    public List<MimeMessage> esperar(String direccion, int cuantos, Duration plazo) throws Exception {
        try {
            return Espera.esperarHasta(cuantos + " message(s) to " + direccion, plazo, () -> {
                List<MimeMessage> mensajes = para(direccion);
                return mensajes.size() >= cuantos ? mensajes : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ", got " + para(direccion).size(), e);
        }
    }

    /** The 6-digit code of a Confirmá tu correo message: the line of its text part that holds only the code. */
    public static String codigoDeConfirmacion(MimeMessage mensaje) throws MessagingException, IOException {
        String texto = parte(mensaje, "text/plain");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*([0-9]{6})\\s*$").matcher(texto == null ? "" : texto);
        if (!m.find()) {
            throw new AssertionError("no code in: " + texto);
        }
        return m.group(1);
    }

    /** All messages received so far, to anybody. */
    public int total() {
        return greenMail.getReceivedMessages().length;
    }

    /** The text/plain and text/html parts of a message, by content type. */
    public static String parte(MimeMessage mensaje, String tipo) throws MessagingException, IOException {
        return parte((Part) mensaje, tipo);
    }

    private static String parte(Part part, String tipo) throws MessagingException, IOException {
        if (part.isMimeType(tipo)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String encontrada = parte(multipart.getBodyPart(i), tipo);
                if (encontrada != null) {
                    return encontrada;
                }
            }
        }
        return null;
    }

    /** Closed by JUnit when the root context ends, after every test class ran. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final CorreoDePrueba correo;

        Running(CorreoDePrueba correo) {
            this.correo = correo;
        }

        @Override
        public void close() {
            correo.greenMail.stop();
        }
    }
}
