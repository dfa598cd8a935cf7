package ar.gob.anses.clavess.usi07;

import ar.gob.anses.clavess.cuil.Cuil;
import ar.gob.anses.clavess.habilitacion.EstadoClave;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The Formulario USI-07 as a one-page A4 PDF: the constancia that a Clave de la Seguridad Social was generated, with
 * the person, when, the clave's state and a verification code (also as a QR code) that office staff check. A pending
 * clave (a resident abroad's) also gets the signature and certification boxes and the instructions to send it to the
 * UCA or bring it through an apoderado. Texts come from {@code formulario.properties}; no Keycloak type here.
 */
public final class FormularioUsi07 {

    /** Argentina's time: the form's date and time are the citizen's, whatever the server's zone. */
    public static final ZoneId ZONA = ZoneId.of("America/Argentina/Buenos_Aires");
    public static final DateTimeFormatter FECHA_HORA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONA);
    public static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONA);

    /**
     * What the form shows. {@code nivel} is null when the clave has none (a pending clave); {@code creada} is when the
     * clave was set.
     */
    /** {@code diasParaHabilitar}: the deployment's deadline for a pending clave (seed 003: 90 calendar days). */
    public record Datos(Cuil cuil, String nombre, String apellido, Instant creada, EstadoClave estado, Integer nivel, String codigo,
                        int diasParaHabilitar) {
        public Datos {
            Objects.requireNonNull(cuil, "cuil");
            Objects.requireNonNull(creada, "creada");
            Objects.requireNonNull(estado, "estado");
            Objects.requireNonNull(codigo, "codigo");
            if (estado == EstadoClave.HABILITADA && nivel == null) {
                throw new IllegalArgumentException("an enabled clave has a level");
            }
        }

        /** The residents-abroad variant: a pending clave is always a resident abroad's. */
        public boolean exterior() {
            return estado == EstadoClave.PENDIENTE;
        }

        public String nombreCompleto() {
            return ((nombre == null ? "" : nombre) + " " + (apellido == null ? "" : apellido)).strip().replaceAll("\\s+", " ");
        }
    }

    private static final Properties TEXTOS = textos();
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGEN = 48;
    private static final float ALTO_BANDA = 72;
    /** Below this the footer goes: the content must end above it. */
    private static final float LIMITE_INFERIOR = 64;
    private static final float[] ESCALAS = {1f, 0.94f, 0.88f, 0.82f, 0.76f, 0.7f};
    private static final float[] AZUL_ANSES = {0f, 114 / 255f, 187 / 255f};

    private FormularioUsi07() {
    }

    /** The PDF's bytes: always one A4 page (text is made smaller until everything fits). */
    public static byte[] pdf(Datos datos) {
        for (int i = 0; i < ESCALAS.length; i++) {
            byte[] pdf = pdf(datos, ESCALAS[i], i == ESCALAS.length - 1);
            if (pdf != null) {
                return pdf;
            }
        }
        throw new IllegalStateException("unreachable: the last scale always renders");
    }

    /** The text of a key of the form, with {0}, {1}… replaced. */
    static String texto(String clave, Object... valores) {
        String texto = TEXTOS.getProperty(clave);
        if (texto == null) {
            throw new IllegalArgumentException("no text " + clave);
        }
        for (int i = 0; i < valores.length; i++) {
            texto = texto.replace("{" + i + "}", String.valueOf(valores[i]));
        }
        return texto;
    }

    /** Null when the content does not fit at this scale and {@code siempre} is false. */
    private static byte[] pdf(Datos datos, float escala, boolean siempre) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            float fin;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                fin = new Dibujo(cs, escala).formulario(datos);
            }
            if (fin < LIMITE_INFERIOR && !siempre) {
                return null;
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(texto("titulo"));
            info.setSubject(texto("subtitulo"));
            info.setAuthor(texto("anses") + " — " + texto("agencia"));
            Calendar creado = new GregorianCalendar(TimeZone.getTimeZone(ZONA));
            creado.setTimeInMillis(datos.creada().toEpochMilli());
            info.setCreationDate(creado);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page being drawn from the top down; {@code y} is where the next line's top goes. */
    private static final class Dibujo {
        private static final PDFont NORMAL = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private static final PDFont NEGRITA = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private static final float ANCHO = A4.getWidth() - 2 * MARGEN;

        private final PDPageContentStream cs;
        private final float e;
        private float y;

        Dibujo(PDPageContentStream cs, float escala) {
            this.cs = cs;
            this.e = escala;
        }

        /** Draws the whole form; returns the lowest y the content reached. */
        float formulario(Datos d) throws IOException {
            banda();
            y = A4.getHeight() - ALTO_BANDA - 26 * e;
            linea(texto("titulo"), NEGRITA, 20 * e, MARGEN, AZUL_ANSES);
            linea(texto("subtitulo"), NORMAL, 12.5f * e, MARGEN, null);
            y -= 12 * e;

            float lado = 128 * e;
            float arribaDatos = y;
            float anchoDatos = ANCHO - lado - 18;
            campo(texto("cuil"), d.cuil().conGuiones(), NEGRITA, 13 * e, anchoDatos);
            // A pending clave's creator has not proven who they are: the form does not tell them the registry's name.
            nombre(d.nombreCompleto().isEmpty() ? texto("nombreAMano") : d.nombreCompleto(), anchoDatos);
            campo(texto("creacion"), texto("creacionValor", FECHA_HORA.format(d.creada())), NORMAL, 12 * e, anchoDatos);
            campo(texto("estado"), d.exterior() ? texto("estadoPendiente") : texto("estadoHabilitada", d.nivel()),
                    NEGRITA, 12 * e, anchoDatos);
            campo(texto("codigo"), d.codigo(), NEGRITA, 16 * e, anchoDatos);
            float abajoDatos = y;

            qr(d.codigo(), MARGEN + ANCHO - lado, arribaDatos, lado);
            y = arribaDatos - lado - 2 * e;
            parrafo(texto("qr"), NORMAL, 7.5f * e, MARGEN + ANCHO - lado, lado, 0.35f);
            y = Math.min(y, abajoDatos) - 8 * e;

            if (d.exterior()) {
                recuadroDestacado(texto("plazo", FECHA.format(d.creada().atZone(ZONA).plusDays(d.diasParaHabilitar())), d.diasParaHabilitar()));
            }
            separador();
            linea(texto("usoTitulo"), NEGRITA, 12.5f * e, MARGEN, AZUL_ANSES);
            y -= 2 * e;
            if (d.exterior()) {
                exterior();
            } else {
                parrafo(texto(Integer.valueOf(3).equals(d.nivel()) ? "usoNivel3" : "usoNivel2"), NORMAL, 10 * e, MARGEN, ANCHO, 0.1f);
            }
            y -= 4 * e;
            parrafo(texto("usoVerificacion"), NORMAL, 9 * e, MARGEN, ANCHO, 0.35f);
            if (d.exterior()) {
                y -= 12 * e;
                recuadros();
            }
            float fin = y;
            pie(d.codigo());
            return fin;
        }

        private void exterior() throws IOException {
            float cuerpo = 9.5f * e;
            parrafo(texto("exteriorIntro"), NEGRITA, cuerpo, MARGEN, ANCHO, 0.1f);
            for (String paso : List.of("exterior1", "exterior2", "exterior3", "exterior4")) {
                y -= 1.5f * e;
                parrafo(texto(paso), NORMAL, cuerpo, MARGEN + 8, ANCHO - 8, 0.1f);
            }
            y -= 3 * e;
            float sangria = MARGEN + 24;
            for (String renglon : List.of("uca", "ucaDomicilio", "ucaCodigoPostal", "ucaCiudad")) {
                linea(texto(renglon), renglon.equals("uca") ? NEGRITA : NORMAL, 10.5f * e, sangria, null);
            }
            y -= 3 * e;
            parrafo(texto("exteriorConfirmacion"), NORMAL, cuerpo, MARGEN + 8, ANCHO - 8, 0.1f);
            y -= 3 * e;
            parrafo(texto("apoderado"), NORMAL, cuerpo, MARGEN, ANCHO, 0.1f);
        }

        /** "Firma del titular" and "Certificación de firma", side by side, with room to sign and stamp. */
        private void recuadros() throws IOException {
            float separacion = 16;
            float ancho = (ANCHO - separacion) / 2;
            float alto = 96 * e;
            float rotulo = 9.5f * e;
            float arriba = y;
            for (int i = 0; i < 2; i++) {
                float x = MARGEN + i * (ancho + separacion);
                cs.setStrokingColor(0.35f, 0.35f, 0.35f);
                cs.setLineWidth(0.8f);
                cs.addRect(x, arriba - alto, ancho, alto);
                cs.stroke();
                y = arriba - 5 * e;
                parrafo(texto(i == 0 ? "firma" : "certificacion"), NEGRITA, rotulo, x + 6, ancho - 12, 0.1f);
            }
            // the line for the name in print, at the bottom of the signature box
            y = arriba - alto + 20 * e;
            linea(texto("aclaracion"), NORMAL, 8.5f * e, MARGEN + 6, null);
            y = arriba - alto;
        }

        private void banda() throws IOException {
            cs.setNonStrokingColor(AZUL_ANSES[0], AZUL_ANSES[1], AZUL_ANSES[2]);
            cs.addRect(0, A4.getHeight() - ALTO_BANDA, A4.getWidth(), ALTO_BANDA);
            cs.fill();
            escribir(texto("anses"), NEGRITA, 26, MARGEN, A4.getHeight() - 38, new float[] {1, 1, 1});
            escribir(texto("agencia"), NORMAL, 11.5f, MARGEN, A4.getHeight() - 57, new float[] {1, 1, 1});
        }

        /** A label over its value. */
        private void campo(String etiqueta, String valor, PDFont fuente, float tamano, float ancho) throws IOException {
            linea(etiqueta, NORMAL, 8.5f * e, MARGEN, new float[] {0.35f, 0.35f, 0.35f});
            y -= 1 * e;
            parrafo(valor, fuente, tamano, MARGEN, ancho, 0.1f);
            y -= 7 * e;
        }

        /**
         * The name: as large as the other values if it fits one line, else smaller, else over up to three lines, the
         * last cut with an ellipsis. A name never pushes the form onto a second page.
         */
        private void nombre(String nombre, float ancho) throws IOException {
            linea(texto("nombre"), NORMAL, 8.5f * e, MARGEN, new float[] {0.35f, 0.35f, 0.35f});
            y -= 1 * e;
            String seguro = seguro(nombre, NEGRITA);
            for (float tamano = 13 * e; tamano >= 9 * e; tamano -= 0.5f) {
                if (NEGRITA.getStringWidth(seguro) / 1000 * tamano <= ancho) {
                    linea(seguro, NEGRITA, tamano, MARGEN, null);
                    y -= 7 * e;
                    return;
                }
            }
            float tamano = 9 * e;
            List<String> lineas = lineas(seguro, NEGRITA, tamano, ancho);
            if (lineas.size() > 3) {
                String ultima = lineas.get(2);
                while (!ultima.isEmpty() && NEGRITA.getStringWidth(ultima + "…") / 1000 * tamano > ancho) {
                    ultima = ultima.substring(0, ultima.length() - 1);
                }
                lineas = List.of(lineas.get(0), lineas.get(1), ultima.strip() + "…");
            }
            for (String l : lineas) {
                linea(l, NEGRITA, tamano, MARGEN, null);
            }
            y -= 7 * e;
        }

        private void recuadroDestacado(String texto) throws IOException {
            float tamano = 9.5f * e;
            List<String> lineas = lineas(seguro(texto, NEGRITA), NEGRITA, tamano, ANCHO - 16);
            float alto = lineas.size() * tamano * 1.3f + 10 * e;
            cs.setNonStrokingColor(1f, 0.95f, 0.8f);
            cs.addRect(MARGEN, y - alto, ANCHO, alto);
            cs.fill();
            float arriba = y;
            y -= 5 * e;
            for (String l : lineas) {
                linea(l, NEGRITA, tamano, MARGEN + 8, null);
            }
            y = arriba - alto - 8 * e;
        }

        private void separador() throws IOException {
            cs.setStrokingColor(AZUL_ANSES[0], AZUL_ANSES[1], AZUL_ANSES[2]);
            cs.setLineWidth(1f);
            cs.moveTo(MARGEN, y);
            cs.lineTo(MARGEN + ANCHO, y);
            cs.stroke();
            y -= 10 * e;
        }

        private void pie(String codigo) throws IOException {
            float base = 34;
            cs.setStrokingColor(0.6f, 0.6f, 0.6f);
            cs.setLineWidth(0.5f);
            cs.moveTo(MARGEN, base + 14);
            cs.lineTo(MARGEN + ANCHO, base + 14);
            cs.stroke();
            String pie = seguro(texto("pie", codigo), NORMAL);
            float tamano = 8;
            while (NORMAL.getStringWidth(pie) / 1000 * tamano > ANCHO && tamano > 5) {
                tamano -= 0.5f;
            }
            escribir(pie, NORMAL, tamano, MARGEN, base, new float[] {0.35f, 0.35f, 0.35f});
        }

        /**
         * The QR code of the verification code, drawn as filled squares (vectors: sharp when printed), inside a quiet
         * zone of four modules.
         */
        private void qr(String codigo, float x, float arriba, float lado) throws IOException {
            BitMatrix matriz;
            try {
                matriz = new QRCodeWriter().encode(codigo, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            } catch (WriterException e) {
                throw new IllegalStateException("a 14-character code always fits a QR code", e);
            }
            int modulos = matriz.getWidth();
            float modulo = lado / (modulos + 8);
            cs.setNonStrokingColor(0f, 0f, 0f);
            for (int fila = 0; fila < modulos; fila++) {
                for (int columna = 0; columna < modulos; columna++) {
                    if (matriz.get(columna, fila)) {
                        cs.addRect(x + (columna + 4) * modulo, arriba - (fila + 5) * modulo, modulo, modulo);
                    }
                }
            }
            cs.fill();
        }

        /** Wrapped text; {@code gris} is its grey level (0 black). */
        private void parrafo(String texto, PDFont fuente, float tamano, float x, float ancho, float gris) throws IOException {
            for (String l : lineas(seguro(texto, fuente), fuente, tamano, ancho)) {
                linea(l, fuente, tamano, x, new float[] {gris, gris, gris});
            }
        }

        /** One line whose top is at y; y moves below it. */
        private void linea(String texto, PDFont fuente, float tamano, float x, float[] color) throws IOException {
            y -= tamano;
            escribir(seguro(texto, fuente), fuente, tamano, x, y, color == null ? new float[] {0.1f, 0.1f, 0.1f} : color);
            y -= tamano * 0.3f;
        }

        private void escribir(String texto, PDFont fuente, float tamano, float x, float base, float[] color) throws IOException {
            cs.beginText();
            cs.setNonStrokingColor(color[0], color[1], color[2]);
            cs.setFont(fuente, tamano);
            cs.newLineAtOffset(x, base);
            cs.showText(texto);
            cs.endText();
        }
    }

    /** Words into lines no wider than {@code ancho}; a word wider than a line is cut. */
    static List<String> lineas(String texto, PDFont fuente, float tamano, float ancho) throws IOException {
        List<String> lineas = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        for (String palabra : texto.strip().split("\\s+")) {
            String candidata = actual.length() == 0 ? palabra : actual + " " + palabra;
            if (ancho(candidata, fuente, tamano) <= ancho) {
                actual.setLength(0);
                actual.append(candidata);
                continue;
            }
            if (actual.length() > 0) {
                lineas.add(actual.toString());
                actual.setLength(0);
            }
            while (ancho(palabra, fuente, tamano) > ancho) {
                int corte = palabra.length() - 1;
                while (corte > 1 && ancho(palabra.substring(0, corte), fuente, tamano) > ancho) {
                    corte--;
                }
                lineas.add(palabra.substring(0, corte));
                palabra = palabra.substring(corte);
            }
            actual.append(palabra);
        }
        if (actual.length() > 0) {
            lineas.add(actual.toString());
        }
        return lineas;
    }

    private static float ancho(String texto, PDFont fuente, float tamano) throws IOException {
        return fuente.getStringWidth(texto) / 1000 * tamano;
    }

    /**
     * Text the font can print: control characters become spaces, a letter WinAnsi lacks loses its accent (ł stays ?),
     * anything else becomes "?". A name from the registry never makes the form fail.
     */
    static String seguro(String texto, PDFont fuente) {
        StringBuilder seguro = new StringBuilder(texto.length());
        texto.codePoints().forEach(c -> {
            String caracter = Character.isISOControl(c) || Character.isWhitespace(c) ? " " : new String(Character.toChars(c));
            if (imprimible(caracter, fuente)) {
                seguro.append(caracter);
                return;
            }
            String base = Normalizer.normalize(caracter, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            seguro.append(!base.isEmpty() && imprimible(base, fuente) ? base : "?");
        });
        return seguro.toString();
    }

    private static boolean imprimible(String texto, PDFont fuente) {
        try {
            fuente.encode(texto);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Properties textos() {
        Properties textos = new Properties();
        try (InputStream in = FormularioUsi07.class.getResourceAsStream("formulario.properties")) {
            if (in == null) {
                throw new IllegalStateException("formulario.properties is missing from the jar");
            }
            textos.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return textos;
    }
}
