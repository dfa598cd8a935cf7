package ar.gob.anses.clavess.padron;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the registry's JSON file ({"personas": [...]}) into an index by CUIL, or says exactly where it is wrong. */
public final class PadronFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final class Root {
        private final List<Persona> personas;

        @JsonCreator
        Root(@JsonProperty(value = "personas", required = true) List<Persona> personas) {
            this.personas = personas;
        }
    }

    private PadronFile() {
    }

    /** @throws IllegalArgumentException naming the file, line, column and field of the first problem */
    public static Map<String, Persona> leer(Path file) {
        Root root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JSON.readValue(reader, Root.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Padrón " + file + ": " + describe(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Padrón " + file + ": cannot read it: " + e.getMessage(), e);
        }
        Map<String, Persona> index = new HashMap<>();
        for (int i = 0; i < root.personas.size(); i++) {
            Persona persona = root.personas.get(i);
            if (persona == null) {
                throw new IllegalArgumentException("Padrón " + file + ": personas[" + i + "] is null");
            }
            if (index.putIfAbsent(persona.cuil().digitos(), persona) != null) {
                throw new IllegalArgumentException("Padrón " + file + ": personas[" + i + "].cuil " + persona.cuil().digitos()
                        + " appears twice");
            }
        }
        return Map.copyOf(index);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String position = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
        String field = "";
        if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
            field = ((JsonMappingException) e).getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "") + ": ";
        }
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
        return position + field + (cause != null ? cause.getMessage() : e.getOriginalMessage());
    }
}
