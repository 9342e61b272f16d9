package org.tongban.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.forms.FieldFormat;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.FormField;
import org.tongban.shared.InvalidContentException;

/**
 * Loads {@code forms/*.form.json} (form-js schemas) at start-up and checks that every catalogue item's form
 * exists; a broken schema stops start-up naming the file.
 */
@Component
public class FormSchemas {

    private static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime");

    private final Map<String, FormDefinition> forms = new HashMap<>();

    FormSchemas(ResourcePatternResolver resolver, ObjectMapper json, Catalogue catalogue,
                @Value("${tongban.content-location}") String contentLocation) throws IOException {
        String base = contentLocation.endsWith("/") ? contentLocation : contentLocation + "/";
        for (Resource file : resolver.getResources(base + "forms/*.form.json")) {
            String path = "forms/" + file.getFilename();
            FormDefinition form = parse(path, json, file);
            if (!path.equals("forms/" + form.id() + ".form.json")) {
                throw new InvalidContentException(path, "id '" + form.id() + "' must match the file name");
            }
            forms.put(form.id(), form);
        }
        catalogue.items().forEach(item -> {
            if (!forms.containsKey(item.form())) {
                throw new InvalidContentException(catalogue.descriptorPath(item), "form '" + item.form() + "' not found under forms/");
            }
        });
    }

    public Optional<FormDefinition> find(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    private static FormDefinition parse(String path, ObjectMapper json, Resource file) {
        try {
            String raw = file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode root = json.readTree(raw);
            if (!root.path("id").isTextual() || !root.path("components").isArray()) {
                throw new InvalidContentException(path, "a form-js schema needs 'id' and 'components'");
            }
            var fields = new ArrayList<FormField>();
            collect(path, root.path("components"), fields);
            return new FormDefinition(root.path("id").asText(), List.copyOf(fields), raw);
        } catch (IOException e) {
            throw new InvalidContentException(path, "not valid JSON: " + e.getMessage());
        }
    }

    private static void collect(String path, JsonNode components, List<FormField> fields) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(path, c.path("components"), fields); // groups and dynamic lists nest their fields
            }
            if (!c.hasNonNull("key")) {
                continue; // text, image, spacer and other display-only components carry no data
            }
            String type = c.path("type").asText();
            if (!INPUT_TYPES.contains(type)) {
                throw new InvalidContentException(path, "field '" + c.path("key").asText() + "' has unsupported type '" + type + "'");
            }
            JsonNode v = c.path("validate");
            Pattern pattern = null;
            if (v.hasNonNull("pattern")) {
                try {
                    pattern = Pattern.compile(v.get("pattern").asText());
                } catch (PatternSyntaxException e) {
                    throw new InvalidContentException(path, "field '" + c.get("key").asText() + "' has a bad pattern");
                }
            }
            Map<String, String> options = null;
            if (c.path("values").isArray()) {
                options = new LinkedHashMap<>();
                for (JsonNode o : c.path("values")) {
                    options.put(o.path("value").asText(), o.path("label").asText());
                }
            }
            FieldFormat format = null;
            JsonNode declared = c.path("properties").path(FieldFormat.PROPERTY);
            if (!declared.isMissingNode()) {
                if (!type.equals("textfield") && !type.equals("textarea")) {
                    throw new InvalidContentException(path, "field '" + c.get("key").asText() + "': "
                            + FieldFormat.PROPERTY + " applies to text fields only");
                }
                format = FieldFormat.named(declared.asText()).orElseThrow(() -> new InvalidContentException(path,
                        "field '" + c.get("key").asText() + "' has unknown " + FieldFormat.PROPERTY + " '" + declared.asText() + "'"));
            }
            String label = c.path("label").asText(c.get("key").asText());
            fields.add(new FormField(c.get("key").asText(), type, label,
                    c.path("properties").path("label_en").asText(label), v.path("required").asBoolean(false),
                    v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
                    v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null, pattern,
                    v.hasNonNull("min") ? v.get("min").asDouble() : null,
                    v.hasNonNull("max") ? v.get("max").asDouble() : null, options, format));
        }
    }
}
