package org.tongban.forms.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.internal.validation.SchemaReader;
import org.tongban.shared.InvalidContentException;

/**
 * Reads the shipped {@code forms/*.form.json} (form-js schemas) at start-up and checks that every catalogue
 * item's form exists; a broken schema stops start-up naming the file. {@link FormVersions} deploys them.
 */
@Component
public class FormSchemas {

    private final Map<String, FormDefinition> forms = new HashMap<>();

    FormSchemas(ResourcePatternResolver resolver, ObjectMapper json, Catalogue catalogue,
                @Value("${tongban.content-location}") String contentLocation) throws IOException {
        String base = contentLocation.endsWith("/") ? contentLocation : contentLocation + "/";
        for (Resource file : resolver.getResources(base + "forms/*.form.json")) {
            String path = "forms/" + file.getFilename();
            FormDefinition form = parse(path, file);
            if (!path.equals("forms/" + form.id() + ".form.json")) {
                throw new InvalidContentException(path, "id '" + form.id() + "' must match the file name");
            }
            forms.put(form.id(), form);
        }
        catalogue.items().forEach(item -> {
            if (!forms.containsKey(item.form())) {
                throw new InvalidContentException(catalogue.descriptorPath(item), "form '" + item.form() + "' not found under forms/");
            }
            var problems = ItemBindingRules.problems(item, forms.get(item.form()), null); // steps: checked by the designer API and tests
            if (!problems.isEmpty()) {
                throw new InvalidContentException("forms/" + item.form() + ".form.json", String.join("; ", problems));
            }
        });
    }

    /** The shipped forms by id, as read from the files. */
    Map<String, FormDefinition> shipped() {
        return Map.copyOf(forms);
    }

    /**
     * Reads a form-js schema, refusing (with {@link InvalidContentException} naming {@code sourceName} and the
     * problem) what the server cannot enforce: see {@link SchemaReader}.
     */
    public static FormDefinition read(String sourceName, String rawJson) {
        return SchemaReader.read(sourceName, rawJson);
    }

    private static FormDefinition parse(String path, Resource file) throws IOException {
        return read(path, file.getContentAsString(StandardCharsets.UTF_8));
    }
}
