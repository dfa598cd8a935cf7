package ar.gob.anses.clavess.usi07;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.cuenta.HoraArgentina;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
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
 * UCA or bring it through an apoderado.
 *
 * <p>A fixed template: the header and the fields at fixed places, every text at one fixed size, the instructions
 * wrapped at word boundaries. Only the name varies in length (the user profile bounds it to 255 + 255 characters): it
 * gets one line, in a smaller size if it needs it, cut with an ellipsis past that. The texts are the theme's messages
 * ({@code ansesUsi07…} in {@code messages_es}/{@code messages_en}) in the citizen's locale; a translation too long for
 * the page fails the unit tests ({@link IllegalStateException}), it is never shrunk to fit. No Keycloak type here.
 */
public final class FormularioUsi07 {

    /** Argentina's time: the form's date and time are the citizen's, whatever the server's zone. */

    /**
     * What the form shows. {@code nivel} is null when the clave has none (a pending clave); {@code creada} is when the
     * clave was set; {@code diasParaHabilitar}: the deployment's deadline for a pending clave (seed 003: 90 calendar days).
     */
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

    /** The theme's messages in one locale, formatted as Keycloak's templates format them ({@link MessageFormat}). */
    public record Textos(Properties mensajes, Locale locale) {
        public Textos {
            Objects.requireNonNull(mensajes, "mensajes");
            Objects.requireNonNull(locale, "locale");
        }

        String get(String clave, Object... valores) {
            String patron = mensajes.getProperty(clave);
            if (patron == null) {
                throw new IllegalStateException("the theme has no message " + clave + " for " + locale);
            }
            return new MessageFormat(patron, locale).format(valores);
        }
    }

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float ALTO = A4.getHeight();
    private static final float MARGEN = 48;
    private static final float ANCHO = A4.getWidth() - 2 * MARGEN;
    private static final float ALTO_BANDA = 72;
    /** The QR code's side, at the right of the fields. */
    private static final float LADO_QR = 128;
    private static final float ANCHO_CAMPOS = ANCHO - LADO_QR - 18;
    /** Where the instructions start, under the fields and the QR code. */
    private static final float INICIO_CUERPO = ALTO - 372;
    /** The footer's line: the content must end above it. */
    private static final float LIMITE_INFERIOR = 56;

    private static final PDFont NORMAL = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont NEGRITA = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float[] AZUL = {0f, 114 / 255f, 187 / 255f};
    private static final float[] BLANCO = {1f, 1f, 1f};
    private static final float[] GRIS = {0.35f, 0.35f, 0.35f};
    private static final float[] TINTA = {0.1f, 0.1f, 0.1f};
    private static final float CUERPO = 9;

    private FormularioUsi07() {
    }

    /** The PDF's bytes: one A4 page in the language of {@code textos}. */
    public static byte[] pdf(Datos datos, Textos textos) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                new Pagina(cs, textos).formulario(datos);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(textos.get("ansesUsi07Titulo"));
            info.setSubject(textos.get("ansesUsi07Subtitulo"));
            info.setAuthor(textos.get("ansesUsi07Anses") + " — " + textos.get("ansesUsi07Agencia"));
            Calendar creado = new GregorianCalendar(TimeZone.getTimeZone(HoraArgentina.ZONA));
            creado.setTimeInMillis(datos.creada().toEpochMilli());
            info.setCreationDate(creado);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page being drawn; {@code y} is the baseline of the next line of the instructions. */
    private static final class Pagina {
        private final PDPageContentStream cs;
        private final Textos t;
        private float y;

        Pagina(PDPageContentStream cs, Textos textos) {
            this.cs = cs;
            this.t = textos;
        }

        void formulario(Datos d) throws IOException {
            cabecera();
            campos(d);
            cuerpo(d);
            linea(new float[] {0.6f, 0.6f, 0.6f}, 48);
            escribir(t.get("ansesUsi07Pie", d.codigo()), NORMAL, 8, MARGEN, 34, GRIS);
        }

        /** The agency's band and the form's title. */
        private void cabecera() throws IOException {
            relleno(AZUL, 0, ALTO - ALTO_BANDA, A4.getWidth(), ALTO_BANDA);
            escribir(t.get("ansesUsi07Anses"), NEGRITA, 26, MARGEN, ALTO - 38, BLANCO);
            escribir(t.get("ansesUsi07Agencia"), NORMAL, 11.5f, MARGEN, ALTO - 57, BLANCO);
            escribir(t.get("ansesUsi07Titulo"), NEGRITA, 20, MARGEN, ALTO - 112, AZUL);
            escribir(t.get("ansesUsi07Subtitulo"), NORMAL, 12.5f, MARGEN, ALTO - 131, TINTA);
        }

        /** The CUIL, name, creation, state and code at fixed places, and the code's QR beside them. */
        private void campos(Datos d) throws IOException {
            campo("ansesUsi07Cuil", ALTO - 162, d.cuil().conGuiones(), NEGRITA, 13);
            // A pending clave's creator has not proven who they are: the form does not tell them the registry's name.
            String nombre = d.nombreCompleto();
            escribir(t.get("ansesUsi07Nombre"), NORMAL, 8.5f, MARGEN, ALTO - 202, GRIS);
            if (nombre.isEmpty()) {
                escribir(t.get("ansesUsi07NombreAMano"), NORMAL, 10, MARGEN, ALTO - 218, TINTA);
            } else {
                boolean cabe = ancho(seguro(nombre), NEGRITA, 13) <= ANCHO_CAMPOS;
                escribir(cabe ? nombre : recortado(nombre, NEGRITA, 9, ANCHO_CAMPOS), NEGRITA, cabe ? 13 : 9, MARGEN, ALTO - 218, TINTA);
            }
            campo("ansesUsi07Creacion", ALTO - 242, t.get("ansesUsi07CreacionValor", HoraArgentina.FECHA_HORA.format(d.creada())), NORMAL, 12);
            campo("ansesUsi07Estado", ALTO - 282, d.exterior() ? t.get("ansesUsi07EstadoPendiente")
                    : t.get("ansesUsi07EstadoHabilitada", String.valueOf(d.nivel())), NEGRITA, 12);
            campo("ansesUsi07Codigo", ALTO - 322, d.codigo(), NEGRITA, 16);
            float xQr = MARGEN + ANCHO - LADO_QR;
            qr(d.codigo(), xQr, ALTO - 150);
            y = ALTO - 150 - LADO_QR - 6;
            parrafo(t.get("ansesUsi07Qr"), NORMAL, 7.5f, xQr, LADO_QR, GRIS);
        }

        /** The instructions, which flow down from {@code INICIO_CUERPO} and must end above the footer. */
        private void cuerpo(Datos d) throws IOException {
            y = INICIO_CUERPO;
            if (d.exterior()) {
                destacado(t.get("ansesUsi07Plazo", HoraArgentina.FECHA.format(d.creada().atZone(HoraArgentina.ZONA).plusDays(d.diasParaHabilitar())),
                        String.valueOf(d.diasParaHabilitar())));
            }
            linea(AZUL, y + 8);
            y -= 8;
            parrafo(t.get("ansesUsi07UsoTitulo"), NEGRITA, 12.5f, MARGEN, ANCHO, AZUL);
            y -= 2;
            if (d.exterior()) {
                exterior();
            } else {
                parrafo(t.get(Integer.valueOf(3).equals(d.nivel()) ? "ansesUsi07UsoNivel3" : "ansesUsi07UsoNivel2"),
                        NORMAL, 10, MARGEN, ANCHO, TINTA);
            }
            y -= 4;
            parrafo(t.get("ansesUsi07UsoVerificacion"), NORMAL, CUERPO, MARGEN, ANCHO, GRIS);
            if (d.exterior()) {
                recuadros();
            }
            if (y < LIMITE_INFERIOR) {
                throw new IllegalStateException("the USI-07 texts for " + t.locale() + " do not fit one page: shorten the ansesUsi07 messages");
            }
        }

        /** A label and, under it, its value, at fixed baselines. */
        private void campo(String etiqueta, float base, String valor, PDFont fuente, float tamano) throws IOException {
            escribir(t.get(etiqueta), NORMAL, 8.5f, MARGEN, base, GRIS);
            escribir(valor, fuente, tamano, MARGEN, base - tamano - 3, TINTA);
        }

        private void exterior() throws IOException {
            parrafo(t.get("ansesUsi07ExteriorIntro"), NEGRITA, CUERPO, MARGEN, ANCHO, TINTA);
            for (String paso : List.of("ansesUsi07Exterior1", "ansesUsi07Exterior2", "ansesUsi07Exterior3", "ansesUsi07Exterior4")) {
                y -= 1.5f;
                parrafo(t.get(paso), NORMAL, CUERPO, MARGEN + 8, ANCHO - 8, TINTA);
            }
            y -= 2;
            for (String renglon : List.of("ansesUsi07Uca", "ansesUsi07UcaDomicilio", "ansesUsi07UcaCodigoPostal", "ansesUsi07UcaCiudad")) {
                parrafo(t.get(renglon), renglon.equals("ansesUsi07Uca") ? NEGRITA : NORMAL, 10, MARGEN + 24, ANCHO - 24, TINTA);
            }
            y -= 2;
            parrafo(t.get("ansesUsi07ExteriorConfirmacion"), NORMAL, CUERPO, MARGEN + 8, ANCHO - 8, TINTA);
            y -= 2;
            parrafo(t.get("ansesUsi07Apoderado"), NORMAL, CUERPO, MARGEN, ANCHO, TINTA);
        }

        /**
         * "Firma del titular" (with the document's type and number and the name in print, by hand) and "Certificación de
         * firma", side by side, with room to sign and stamp.
         */
        private void recuadros() throws IOException {
            float separacion = 16;
            float ancho = (ANCHO - separacion) / 2;
            float alto = 88;
            float arriba = y - 6;
            cs.setStrokingColor(GRIS[0], GRIS[1], GRIS[2]);
            cs.setLineWidth(0.8f);
            for (int i = 0; i < 2; i++) {
                float x = MARGEN + i * (ancho + separacion);
                cs.addRect(x, arriba - alto, ancho, alto);
                cs.stroke();
                y = arriba - 4;
                parrafo(t.get(i == 0 ? "ansesUsi07Firma" : "ansesUsi07Certificacion"), NEGRITA, CUERPO, x + 6, ancho - 12, TINTA);
            }
            // What the office compares with the padrón: written by hand, as the form shows no personal data of an unproven person.
            escribir(t.get("ansesUsi07Documento"), NORMAL, 8.5f, MARGEN + 6, arriba - alto + 22, TINTA);
            escribir(t.get("ansesUsi07Aclaracion"), NORMAL, 8.5f, MARGEN + 6, arriba - alto + 8, TINTA);
            y = arriba - alto;
        }

        /** The deadline of a pending clave, in bold on a pale band the width of the page. */
        private void destacado(String texto) throws IOException {
            List<String> lineas = lineas(texto, NEGRITA, CUERPO, ANCHO - 16);
            float alto = lineas.size() * CUERPO * 1.3f + 8;
            relleno(new float[] {1f, 0.95f, 0.8f}, MARGEN, y - alto, ANCHO, alto);
            float arriba = y;
            y -= 4;
            for (String l : lineas) {
                y -= CUERPO;
                escribir(l, NEGRITA, CUERPO, MARGEN + 8, y, TINTA);
                y -= CUERPO * 0.3f;
            }
            y = arriba - alto - 14;
        }

        /** Text wrapped at word boundaries from y down; y ends under it. */
        private void parrafo(String texto, PDFont fuente, float tamano, float x, float ancho, float[] color) throws IOException {
            for (String l : lineas(texto, fuente, tamano, ancho)) {
                y -= tamano;
                escribir(l, fuente, tamano, x, y, color);
                y -= tamano * 0.3f;
            }
        }

        private void linea(float[] color, float altura) throws IOException {
            cs.setStrokingColor(color[0], color[1], color[2]);
            cs.setLineWidth(0.8f);
            cs.moveTo(MARGEN, altura);
            cs.lineTo(MARGEN + ANCHO, altura);
            cs.stroke();
        }

        private void relleno(float[] color, float x, float abajo, float ancho, float alto) throws IOException {
            cs.setNonStrokingColor(color[0], color[1], color[2]);
            cs.addRect(x, abajo, ancho, alto);
            cs.fill();
        }

        /**
         * The QR code of the verification code, drawn as filled squares (vectors: sharp when printed), inside a quiet
         * zone of four modules.
         */
        private void qr(String codigo, float x, float arriba) throws IOException {
            BitMatrix matriz;
            try {
                matriz = new QRCodeWriter().encode(codigo, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            } catch (WriterException e) {
                throw new IllegalStateException("a 14-character code always fits a QR code", e);
            }
            int modulos = matriz.getWidth();
            float modulo = LADO_QR / (modulos + 8);
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

        private void escribir(String texto, PDFont fuente, float tamano, float x, float base, float[] color) throws IOException {
            cs.beginText();
            cs.setNonStrokingColor(color[0], color[1], color[2]);
            cs.setFont(fuente, tamano);
            cs.newLineAtOffset(x, base);
            cs.showText(seguro(texto));
            cs.endText();
        }
    }

    /** Words into lines no wider than {@code ancho} (the messages have no word wider than a line). */
    static List<String> lineas(String texto, PDFont fuente, float tamano, float ancho) throws IOException {
        List<String> lineas = new ArrayList<>();
        String actual = "";
        for (String palabra : seguro(texto).strip().split(" +")) {
            String candidata = actual.isEmpty() ? palabra : actual + " " + palabra;
            if (!actual.isEmpty() && ancho(candidata, fuente, tamano) > ancho) {
                lineas.add(actual);
                candidata = palabra;
            }
            actual = candidata;
        }
        if (!actual.isEmpty()) {
            lineas.add(actual);
        }
        return lineas;
    }

    /** The text cut once, with an ellipsis, to the longest start that fits {@code ancho}. */
    static String recortado(String texto, PDFont fuente, float tamano, float ancho) throws IOException {
        String seguro = seguro(texto);
        int fin = seguro.length();
        while (fin > 0 && ancho(seguro.substring(0, fin) + "…", fuente, tamano) > ancho) {
            fin--;
        }
        return fin == seguro.length() ? seguro : seguro.substring(0, fin).strip() + "…";
    }

    private static float ancho(String texto, PDFont fuente, float tamano) throws IOException {
        return fuente.getStringWidth(texto) / 1000 * tamano;
    }

    /**
     * Text Helvetica (WinAnsi) can print, in both of its weights: control characters and other spaces become spaces, a
     * letter WinAnsi lacks loses its accent (ł stays ?), anything else becomes "?". A name from the registry never makes
     * the form fail.
     */
    static String seguro(String texto) {
        StringBuilder seguro = new StringBuilder(texto.length());
        texto.codePoints().forEach(c -> {
            String caracter = Character.isISOControl(c) || Character.isWhitespace(c) ? " " : new String(Character.toChars(c));
            if (imprimible(caracter)) {
                seguro.append(caracter);
                return;
            }
            String base = Normalizer.normalize(caracter, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            seguro.append(!base.isEmpty() && imprimible(base) ? base : "?");
        });
        return seguro.toString();
    }

    private static boolean imprimible(String texto) {
        try {
            NORMAL.encode(texto);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
