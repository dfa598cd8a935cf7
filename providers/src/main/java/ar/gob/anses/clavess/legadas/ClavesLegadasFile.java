package ar.gob.anses.clavess.legadas;

import ar.gob.anses.clavess.cuenta.Cuil;
import ar.gob.anses.clavess.cuenta.EstadoClave;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the legacy registry's JSON file, {@code {"claves": [{"cuil", "hash", "algoritmo", "nivel", "email",
 * "emailConfirmado", "estado", "creada"}]}}, into an index by CUIL, or says which entry and field are wrong: an
 * unknown algorithm or a malformed hash stops Keycloak's start, never a citizen's login.
 */
public final class ClavesLegadasFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** An entry as written in the file, before it is checked. */
    record Entrada(@JsonProperty(value = "cuil", required = true) String cuil,
                   @JsonProperty(value = "hash", required = true) String hash,
                   @JsonProperty(value = "algoritmo", required = true) String algoritmo,
                   @JsonProperty(value = "nivel", required = true) int nivel,
                   @JsonProperty("email") String email,
                   @JsonProperty("emailConfirmado") Boolean emailConfirmado,
                   @JsonProperty("estado") String estado,
                   @JsonProperty("creada") String creada) {
    }

    private record Root(List<Entrada> claves) {
        @JsonCreator
        Root(@JsonProperty(value = "claves", required = true) List<Entrada> claves) {
            this.claves = claves;
        }
    }

    private ClavesLegadasFile() {
    }

    /** @throws IllegalArgumentException naming the file, the entry and what is wrong with it */
    public static Map<String, ClaveLegada> leer(Path file) {
        Root root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JSON.readValue(reader, Root.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Claves legadas " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Claves legadas " + file + ": cannot read it: " + e.getMessage(), e);
        }
        Map<String, ClaveLegada> index = new HashMap<>();
        for (int i = 0; i < root.claves().size(); i++) {
            ClaveLegada clave;
            try {
                clave = clave(root.claves().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Claves legadas " + file + ": claves[" + i + "]: " + e.getMessage(), e);
            }
            if (index.putIfAbsent(clave.cuil().digitos(), clave) != null) {
                throw new IllegalArgumentException("Claves legadas " + file + ": claves[" + i + "].cuil " + clave.cuil().digitos()
                        + " appears twice");
            }
        }
        return Map.copyOf(index);
    }

    /** One entry, checked: the same checks whatever the registry's shape (the jdbc rows come through here too). */
    static ClaveLegada clave(Entrada e) {
        if (e == null) {
            throw new IllegalArgumentException("entry is null");
        }
        Cuil.Lectura cuil = Cuil.leer(e.cuil());
        if (!cuil.esValido() || !cuil.cuil().digitos().equals(e.cuil())) {
            throw new IllegalArgumentException("cuil: '" + e.cuil() + "' is not a person's CUIL of 11 digits without separators");
        }
        EstadoClave estado;
        try {
            estado = e.estado() == null ? EstadoClave.HABILITADA : EstadoClave.valueOf(e.estado());
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException("estado must be HABILITADA or PENDIENTE, not '" + e.estado() + "'");
        }
        LocalDate creada;
        try {
            creada = e.creada() == null ? null : LocalDate.parse(e.creada());
        } catch (DateTimeParseException x) {
            throw new IllegalArgumentException("creada must be YYYY-MM-DD, not '" + e.creada() + "'");
        }
        Algoritmo algoritmo = Algoritmo.de(e.algoritmo());
        return new ClaveLegada(cuil.cuil(), e.hash(), algoritmo, e.nivel(), blankANull(e.email()), Boolean.TRUE.equals(e.emailConfirmado()), estado, creada);
    }

    private static String blankANull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
