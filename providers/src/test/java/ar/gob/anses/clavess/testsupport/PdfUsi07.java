package ar.gob.anses.clavess.testsupport;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A Formulario USI-07 read back as a person or a scanner would: its text, its page, its QR code. */
public final class PdfUsi07 {

    private final byte[] pdf;

    public PdfUsi07(byte[] pdf) {
        this.pdf = pdf;
    }

    public int paginas() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** Width and height of the first page in points. */
    public float[] tamano() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new float[] {doc.getPage(0).getMediaBox().getWidth(), doc.getPage(0).getMediaBox().getHeight()};
        }
    }

    /** The text, with every run of whitespace (line ends included) as one space. */
    public String texto() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").strip();
        }
    }

    public BufferedImage imagen(float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    /** The content of the page's QR code, read from the page rendered at 150 dpi. */
    public String qr() throws IOException {
        BufferedImage imagen = imagen(150);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(imagen))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code on the page", e);
        }
    }

    /** The page as a PNG (for the gallery of docs/ciudadanos.md). */
    public void png(Path archivo, float dpi) throws IOException {
        Files.createDirectories(archivo.toAbsolutePath().getParent());
        ImageIO.write(imagen(dpi), "png", archivo.toFile());
    }
}
