package org.tongban.forms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.tongban.forms.FormDefinition;

/**
 * The schema as one viewer is given it: only the top-level data components they may see or fill (the server never
 * sends a hidden field's label or value), optionally changed per component (read-only, a prefilled value). Groups
 * without a path stay when something in them stays.
 */
public final class SchemaViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaViews() {
    }

    /**
     * {@code keep} decides per top-level data key; {@code adjust} may change a kept component;
     * {@code keepDisplay}: keep texts, spacers and separators outside kept groups too.
     */
    public static String filter(FormDefinition form, Predicate<String> keep, BiConsumer<String, ObjectNode> adjust,
                                boolean keepDisplay) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(form.schema());
            root.set("components", components((ArrayNode) root.path("components"), keep, adjust, keepDisplay));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a deployed schema no longer parses: " + form.id(), e);
        }
    }

    private static ArrayNode components(ArrayNode components, Predicate<String> keep, BiConsumer<String, ObjectNode> adjust,
                                        boolean keepDisplay) {
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode node : components) {
            ObjectNode c = (ObjectNode) node.deepCopy();
            String key = text(c, "key") != null ? text(c, "key") : text(c, "path");
            if (key != null) {
                if (keep.test(key)) {
                    adjust.accept(key, c);
                    kept.add(c);
                }
            } else if (c.path("components").isArray()) { // a group without a path: only lays out
                ArrayNode inner = components((ArrayNode) c.path("components"), keep, adjust, keepDisplay);
                if (inner.size() > 0 && (keepDisplay || hasData(inner))) {
                    c.set("components", inner);
                    kept.add(c);
                }
            } else if (keepDisplay) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static boolean hasData(ArrayNode components) {
        for (JsonNode c : components) {
            if (text(c, "key") != null || text(c, "path") != null || (c.path("components").isArray() && hasData((ArrayNode) c.path("components")))) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode c, String name) {
        return c.hasNonNull(name) && !c.path(name).asText().isEmpty() ? c.path(name).asText() : null;
    }
}
