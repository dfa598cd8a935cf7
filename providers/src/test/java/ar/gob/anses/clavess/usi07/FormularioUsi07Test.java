package ar.gob.anses.clavess.usi07;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import ar.gob.anses.clavess.testsupport.PdfUsi07;
import ar.gob.anses.clavess.testsupport.ThemeMessages;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FormularioUsi07Test {

    /** 16:03 in Buenos Aires (UTC-3) on 29 November 2026. */
    private static final Instant CREADA = Instant.parse("2026-11-29T19:03:45Z");
    private static final Cuil RICARDO = Cuil.leer("20235556678").cuil();
    private static final ThemeMessages ES_TEMA = ThemeMessages.spanish();
    private static final FormularioUsi07.Textos ES = new FormularioUsi07.Textos(ES_TEMA.propiedades(), ES_TEMA.locale());
    private static final ThemeMessages EN_TEMA = ThemeMessages.english();
    private static final FormularioUsi07.Textos EN = new FormularioUsi07.Textos(EN_TEMA.propiedades(), EN_TEMA.locale());

    private static byte[] pdf(FormularioUsi07.Datos datos) {
        return FormularioUsi07.pdf(datos, ES);
    }

    private static FormularioUsi07.Datos residente(String nombre, String apellido, int nivel) {
        return new FormularioUsi07.Datos(RICARDO, nombre, apellido, CREADA, EstadoClave.HABILITADA, nivel, "7K3M-Q9XA-2BCD", 90);
    }

    private static FormularioUsi07.Datos exterior(String nombre, String apellido) {
        return new FormularioUsi07.Datos(RICARDO, nombre, apellido, CREADA, EstadoClave.PENDIENTE, null, "W0RD-5ZZ1-9PQT", 90);
    }

    @DisplayName("given a resident's clave at level 2, then one A4 page with the band, title, CUIL with dashes, name, "
            + "Argentine date and time, state, code and its QR, and no boxes for residents abroad")
    @Test
    void residente() throws Exception {
        PdfUsi07 pdf = new PdfUsi07(pdf(residente("Ricardo", "Molina", 2)));
        assertThat(pdf.paginas()).isEqualTo(1);
        assertThat(pdf.tamano()).containsExactly(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        String texto = pdf.texto();
        assertThat(texto).contains("ANSES", "Administración Nacional de la Seguridad Social", "Formulario USI-07",
                "Constancia de generación de la Clave de la Seguridad Social",
                "CUIL 20-23555667-8", "Nombre y apellido Ricardo Molina",
                "Fecha y hora de creación de la clave 29/11/2026 16:03 (hora de la Argentina)",
                "Estado de la clave Habilitada — nivel 2", "Código de verificación 7K3M-Q9XA-2BCD",
                "nivel 3", "DNI", "oficina de ANSES");
        assertThat(texto).doesNotContain("Firma del titular", "Certificación de firma", "Paseo Colón", "apoderado",
                "Pendiente", "20235556678");
        assertThat(pdf.qr()).isEqualTo("7K3M-Q9XA-2BCD");
    }

    @DisplayName("given a level-3 clave, then the state says nivel 3")
    @Test
    void nivel3() throws Exception {
        String texto = new PdfUsi07(pdf(residente("Ricardo", "Molina", 3))).texto();
        assertThat(texto).contains("Habilitada — nivel 3").doesNotContain("nivel 2");
    }

    @DisplayName("given a resident abroad's pending clave, then the signature and certification boxes, the 90-day rule with "
            + "its last day, the certified ID copy, the apoderado with a specific power and the UCA's postal address, on one page")
    @Test
    void exterior() throws Exception {
        PdfUsi07 pdf = new PdfUsi07(pdf(exterior("Natalia", "Peralta")));
        assertThat(pdf.paginas()).isEqualTo(1);
        String texto = pdf.texto();
        assertThat(texto).contains("Estado de la clave Pendiente de habilitación", "Tenés 90 días corridos",
                "hasta el 27/02/2027", "Firma del titular", "Certificación de firma: consular o apostilla",
                "copia certificada de tu documento de identidad", "apoderado", "Tipo y número de documento:",
                "y escribí su tipo y número en el recuadro «Firma del titular»",
                "poder cuya finalidad específica sea la habilitación de la Clave de la Seguridad Social",
                "Unidad Central de Apoyo –UCA- de ANSES", "Av. Paseo Colón Nº 239, 6to piso Frente",
                "Código Postal C1063ACO", "Ciudad Autónoma de Buenos Aires, Argentina",
                "Código de verificación W0RD-5ZZ1-9PQT", "Nombre y apellido Natalia Peralta");
        assertThat(texto).doesNotContain("Habilitada —");
        assertThat(pdf.qr()).isEqualTo("W0RD-5ZZ1-9PQT");
    }

    @DisplayName("given a citizen whose pages are in English, then both variants are English, every field still there, on one page")
    @Test
    void ingles() throws Exception {
        PdfUsi07 residente = new PdfUsi07(FormularioUsi07.pdf(residente("Ricardo", "Molina", 2), EN));
        assertThat(residente.paginas()).isEqualTo(1);
        assertThat(residente.texto()).contains("National Social Security Administration", "Form USI-07",
                "Record of the creation of the Clave de la Seguridad Social", "CUIL 20-23555667-8", "Full name Ricardo Molina",
                "Date and time the clave was created 29/11/2026 16:03 (Argentina time)", "State of the clave Enabled — level 2",
                "Verification code 7K3M-Q9XA-2BCD", "How to use this form", "any ANSES office")
                .doesNotContain("Nombre y apellido", "Habilitada", "Cómo usar", "oficina de ANSES");
        assertThat(residente.qr()).isEqualTo("7K3M-Q9XA-2BCD");

        PdfUsi07 exterior = new PdfUsi07(FormularioUsi07.pdf(exterior(null, null), EN));
        assertThat(exterior.paginas()).isEqualTo(1);
        assertThat(exterior.texto()).contains("State of the clave Pending enablement", "You have 90 calendar days",
                "until 27/02/2027", "Signature of the holder", "Signature certification: consular or apostille",
                "write it by hand", "power of attorney", "Av. Paseo Colón Nº 239", "Postal code C1063ACO",
                "Verification code W0RD-5ZZ1-9PQT").doesNotContain("Firma del titular", "Tenés", "Pendiente");
        assertThat(exterior.qr()).isEqualTo("W0RD-5ZZ1-9PQT");
    }

    @DisplayName("given a theme without the form's messages, then a clear error naming the missing key, not a broken PDF")
    @Test
    void sinMensajes() {
        FormularioUsi07.Textos vacio = new FormularioUsi07.Textos(new java.util.Properties(), java.util.Locale.ENGLISH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FormularioUsi07.pdf(residente("Ricardo", "Molina", 2), vacio))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ansesUsi07");
    }

    @DisplayName("given a deployment whose deadline is not 90 days, then the pending form tells that deadline and its last day")
    @Test
    void plazoConfigurado() throws Exception {
        String texto = new PdfUsi07(pdf(new FormularioUsi07.Datos(RICARDO, null, null, CREADA, EstadoClave.PENDIENTE,
                null, "W0RD-5ZZ1-9PQT", 30))).texto();
        assertThat(texto).contains("Tenés 30 días corridos", "hasta el 29/12/2026").doesNotContain("90 días");
    }

    @DisplayName("given a pending clave, whose creator has not proven who they are, then the form prints no name but a line to write it by hand")
    @Test
    void pendienteSinNombre() throws Exception {
        String texto = new PdfUsi07(pdf(exterior(null, null))).texto();
        assertThat(texto).contains("Nombre y apellido", "escribilo a mano").doesNotContain("null");
    }

    @DisplayName("given a very long name (either variant), then still one page, the name starts as given and the QR still reads")
    @Test
    void nombreLargo() throws Exception {
        String nombre = "María de los Ángeles Guadalupe Concepción Inmaculada del Rosario";
        String apellido = "Fernández de la Torre y Sánchez Bustamante Quiroga Echeverría ".repeat(6).strip();
        for (FormularioUsi07.Datos datos : new FormularioUsi07.Datos[] {residente(nombre, apellido, 2), exterior(nombre, apellido)}) {
            PdfUsi07 pdf = new PdfUsi07(pdf(datos));
            assertThat(pdf.paginas()).isEqualTo(1);
            assertThat(pdf.texto()).contains("María de los Ángeles Guadalupe", "…", "20-23555667-8", datos.codigo(), "Formulario USI-07",
                    "Código de verificación");
            assertThat(pdf.qr()).isEqualTo(datos.codigo());
        }
        PdfUsi07 unaPalabra = new PdfUsi07(pdf(exterior("X".repeat(2_000), "Y")));
        assertThat(unaPalabra.paginas()).isEqualTo(1);
        assertThat(unaPalabra.texto()).contains("XXXXXXXXXX", "Firma del titular", "C1063ACO");
    }

    @DisplayName("given letters Helvetica's WinAnsi lacks, control characters or no name, then the form is still made: "
            + "accents dropped where needed, never an exception")
    @Test
    void caracteres() throws Exception {
        String texto = new PdfUsi07(pdf(residente("Łukasz\tŻółć\u0000", "Nguyễn 李", 2))).texto();
        assertThat(texto).contains("?ukasz Zó?c Nguyen ?");
        assertThat(new PdfUsi07(pdf(residente(null, null, 2))).paginas()).isEqualTo(1);
        assertThat(new PdfUsi07(pdf(residente("Ñandú", "Güemes", 2))).texto()).contains("Ñandú Güemes");
    }

    @DisplayName("given -Dusi07.png, then both variants are written as PNGs to look at")
    @Test
    void png() throws Exception {
        String destino = System.getProperty("usi07.png", "");
        PdfUsi07 residente = new PdfUsi07(pdf(residente("Ricardo", "Molina", 2)));
        PdfUsi07 exterior = new PdfUsi07(pdf(exterior("Natalia", "Peralta")));
        assertThat(residente.imagen(72).getWidth()).isEqualTo(595);
        if (!destino.isBlank()) {
            residente.png(Path.of(destino, "usi07-residente.png"), 100);
            exterior.png(Path.of(destino, "usi07-exterior.png"), 100);
            new PdfUsi07(FormularioUsi07.pdf(exterior("Natalia", "Peralta"), EN)).png(Path.of(destino, "usi07-exterior-en.png"), 100);
        }
    }
}
