package org.tongban.forms.internal.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tongban.forms.FieldFormat;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.FormField;
import org.tongban.shared.InvalidContentException;

/**
 * Reads a form-js schema into a {@link FormDefinition}, refusing what the server could not enforce or what could
 * harm it (docs/forms.md, "Schema conventions and validation"): unknown component types, duplicate keys in a data
 * scope, FEEL anywhere but {@code conditional.hide} and {@code expression}, FEEL that loops, defines functions or is
 * too large, bad or dangerous regular expressions, min above max, unknown {@code tongban:} properties or formats.
 */
public final class SchemaReader {

    /** form-js component types that carry data. */
    static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
            "checklist", "taglist", "datetime", "expression");
    /** form-js components that only lay out or show text. */
    static final Set<String> DISPLAY_TYPES = Set.of("text", "spacer", "separator", "image", "default");
    static final Set<String> CONTAINER_TYPES = Set.of("group", "dynamiclist");
    static final Set<String> PROPERTIES = Set.of("label_en", FieldFormat.PROPERTY, "tongban:minRows", "tongban:maxRows",
            BindingReader.EDITABLE_AT, BindingReader.HIDDEN_AT, BindingReader.VARIABLE, BindingReader.PREFILL);
    static final int MAX_ROWS = 200;
    static final int MAX_COMPONENTS = 500;
    static final int MAX_PATTERN = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** A quantified group that is itself quantified inside: (a+)+, (a*)*, (a|b+){2,} — the classic ReDoS shape. */
    private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}](?:[^()\\\\]|\\\\.)*\\)[+*{]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private int count;

    private SchemaReader(String source) {
        this.source = source;
    }

    public static FormDefinition read(String sourceName, String rawJson) {
        JsonNode root;
        try {
            root = JSON.readTree(rawJson);
        } catch (JsonProcessingException e) {
            throw new InvalidContentException(sourceName, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("id").isTextual() || !root.path("components").isArray()) {
            throw new InvalidContentException(sourceName, "a form-js schema needs 'id' and 'components'");
        }
        var reader = new SchemaReader(sourceName);
        List<FormField> fields = reader.components(root.path("components"), new HashSet<>(), 0);
        return new FormDefinition(root.path("id").asText(), List.copyOf(fields), rawJson, 0,
                BindingReader.read(sourceName, root.path("components")));
    }

    private InvalidContentException refuse(String where, String why) {
        return new InvalidContentException(source, where + ": " + why);
    }

    /** Reads the components of one data scope; {@code names} are the keys already used in that scope. */
    private List<FormField> components(JsonNode components, Set<String> names, int depth) {
        if (depth > 8) {
            throw refuse("components", "groups nested deeper than 8 levels");
        }
        var fields = new ArrayList<FormField>();
        for (JsonNode c : components) {
            if (++count > MAX_COMPONENTS) {
                throw refuse("components", "more than " + MAX_COMPONENTS + " components");
            }
            String type = c.path("type").asText();
            String where = "component '" + c.path("key").asText(c.path("path").asText(c.path("id").asText(type))) + "'";
            checkFeelPlacement(c, where, "");
            checkProperties(c, where);
            if (DISPLAY_TYPES.contains(type)) {
                continue; // text, image, spacer, separator carry no data
            }
            if (CONTAINER_TYPES.contains(type)) {
                fields.add(container(c, type, where, names, depth));
            } else if (INPUT_TYPES.contains(type)) {
                fields.add(input(c, type, where, names));
            } else {
                throw refuse(where, "unsupported component type '" + type + "' (supported: "
                        + String.join(", ", new java.util.TreeSet<>(union())) + ")");
            }
        }
        return fields;
    }

    private static Set<String> union() {
        var all = new HashSet<>(INPUT_TYPES);
        all.addAll(DISPLAY_TYPES);
        all.addAll(CONTAINER_TYPES);
        return all;
    }

    private void claim(Set<String> names, String name, String where) {
        if (!NAME.matcher(name).matches()) {
            throw refuse(where, "key/path '" + name + "' must be a name of letters, digits and '_' (no dots)");
        }
        if (!names.add(name)) {
            throw refuse(where, "key '" + name + "' is used twice in the same data scope");
        }
    }

    private FormField container(JsonNode c, String type, String where, Set<String> names, int depth) {
        String path = c.hasNonNull("path") && !c.path("path").asText().isEmpty() ? c.path("path").asText() : null;
        boolean list = type.equals("dynamiclist");
        if (list && path == null) {
            throw refuse(where, "a dynamic list needs a 'path' naming its rows");
        }
        if (list && c.has("isRepeating") && !c.path("isRepeating").asBoolean()) {
            throw refuse(where, "a dynamic list must be repeating (isRepeating: true)");
        }
        if (path != null) {
            claim(names, path, where);
        }
        Integer minRows = list ? intProperty(c, "tongban:minRows", where) : null;
        Integer maxRows = list ? intProperty(c, "tongban:maxRows", where) : null;
        if (!list && (minRows != null || maxRows != null)) {
            throw refuse(where, "tongban:minRows/maxRows apply to dynamic lists only");
        }
        if (list) {
            minRows = minRows == null ? 0 : minRows;
            maxRows = maxRows == null ? MAX_ROWS : maxRows;
            if (minRows < 0 || maxRows > MAX_ROWS || minRows > maxRows) {
                throw refuse(where, "rows must satisfy 0 <= tongban:minRows <= tongban:maxRows <= " + MAX_ROWS);
            }
        }
        if (!c.path("components").isArray()) {
            throw refuse(where, "a " + type + " needs 'components'");
        }
        // a group without a path shares its parent's scope; a path or a list row opens a new one
        List<FormField> children = components(c.path("components"), path == null ? names : new HashSet<>(), depth + 1);
        String label = c.path("label").asText(path == null ? "" : path);
        return new FormField(path, type, label, c.path("properties").path("label_en").asText(label), false,
                null, null, null, null, null, null, null, null, null, null, false, null, false,
                minRows, maxRows, hide(c, where), null, List.copyOf(children));
    }

    private FormField input(JsonNode c, String type, String where, Set<String> names) {
        if (!c.hasNonNull("key") || c.path("key").asText().isEmpty()) {
            throw refuse(where, "a " + type + " field needs a 'key'");
        }
        String key = c.path("key").asText();
        claim(names, key, where);
        JsonNode v = c.path("validate");
        Pattern pattern = pattern(v, where);
        Double min = number(v, "min", where);
        Double max = number(v, "max", where);
        if (min != null && max != null && min > max) {
            throw refuse(where, "validate.min is above validate.max");
        }
        Integer minLength = nonNegative(v, "minLength", where);
        Integer maxLength = nonNegative(v, "maxLength", where);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw refuse(where, "validate.minLength is above validate.maxLength");
        }
        String validationType = v.hasNonNull("validationType") ? v.path("validationType").asText() : null;
        if (validationType != null && !validationType.isEmpty() && !(validationType.equals("email") && type.equals("textfield"))) {
            throw refuse(where, "validate.validationType '" + validationType + "' is not supported (email on text fields only; "
                    + "use tongban:format mobile for phone numbers)");
        }
        Map<String, String> options = options(c, type, where);
        FieldFormat format = format(c, type, where);
        Integer decimalDigits = type.equals("number") ? nonNegative(c, "decimalDigits", where) : null;
        BigDecimal increment = null;
        if (type.equals("number") && c.hasNonNull("increment") && !c.path("increment").asText().isEmpty()) {
            try {
                increment = new BigDecimal(c.path("increment").asText());
            } catch (NumberFormatException e) {
                throw refuse(where, "increment is not a number");
            }
            if (increment.signum() <= 0) {
                throw refuse(where, "increment must be positive");
            }
        }
        String subtype = null;
        if (type.equals("datetime")) {
            subtype = c.path("subtype").asText("date");
            if (!Set.of("date", "time", "datetime").contains(subtype)) {
                throw refuse(where, "datetime subtype must be date, time or datetime");
            }
        }
        String expression = null;
        if (type.equals("expression")) {
            String text = c.path("expression").asText("");
            if (!text.startsWith("=")) {
                throw refuse(where, "an expression field needs 'expression' as FEEL starting with '='");
            }
            expression = feel(text.substring(1), where + " expression");
        }
        String label = c.path("label").asText(key);
        return new FormField(key, type, label, c.path("properties").path("label_en").asText(label),
                v.path("required").asBoolean(false), minLength, maxLength, pattern, min, max, options, format,
                validationType == null || validationType.isEmpty() ? null : validationType, decimalDigits, increment,
                c.path("serializeToString").asBoolean(false), subtype, c.path("disallowPassedDates").asBoolean(false),
                null, null, hide(c, where), expression, List.of());
    }

    private String hide(JsonNode c, String where) {
        JsonNode hide = c.path("conditional").path("hide");
        if (hide.isMissingNode() || hide.isNull() || hide.asText().isEmpty()) {
            return null;
        }
        if (!hide.isTextual() || !hide.asText().startsWith("=")) {
            throw refuse(where, "conditional.hide must be FEEL starting with '='");
        }
        return feel(hide.asText().substring(1), where + " conditional.hide");
    }

    private String feel(String text, String where) {
        try {
            FeelExpressions.parse(text);
        } catch (IllegalArgumentException e) {
            throw refuse(where, e.getMessage());
        }
        return text;
    }

    /**
     * form-js evaluates any string property starting with '=' as FEEL (labels, readonly, min…) and {{…}} in text as
     * templates; the server evaluates only conditional.hide and expression, so every other FEEL is refused.
     */
    private void checkFeelPlacement(JsonNode node, String where, String at) {
        Iterator<Map.Entry<String, JsonNode>> props = node.fields();
        while (props.hasNext()) {
            var p = props.next();
            String name = at.isEmpty() ? p.getKey() : at + "." + p.getKey();
            if (name.equals("components") || name.equals("conditional.hide") || name.equals("expression")) {
                continue;
            }
            JsonNode value = p.getValue();
            if (value.isTextual() && (value.asText().startsWith("=") || value.asText().contains("{{"))) {
                throw refuse(where, "'" + name + "' holds FEEL or a template; the server evaluates FEEL only in "
                        + "conditional.hide and expression fields");
            }
            if (value.isObject()) {
                checkFeelPlacement(value, where, name);
            }
        }
    }

    private void checkProperties(JsonNode c, String where) {
        JsonNode props = c.path("properties");
        if (props.isMissingNode()) {
            return;
        }
        props.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("tongban:") && !PROPERTIES.contains(name)) {
                throw refuse(where, "unknown custom property '" + name + "' (known: " + String.join(", ", new java.util.TreeSet<>(PROPERTIES)) + ")");
            }
            if (!props.get(name).isTextual()) {
                throw refuse(where, "custom property '" + name + "' must be a string (form-js keeps string properties)");
            }
        });
    }

    private Pattern pattern(JsonNode v, String where) {
        if (!v.hasNonNull("pattern") || v.path("pattern").asText().isEmpty()) {
            return null;
        }
        String regex = v.path("pattern").asText();
        if (regex.length() > MAX_PATTERN) {
            throw refuse(where, "validate.pattern longer than " + MAX_PATTERN + " characters");
        }
        if (NESTED_QUANTIFIER.matcher(regex).find() || regex.matches(".*\\\\[0-9k].*")) {
            throw refuse(where, "validate.pattern has a nested quantifier or a back-reference (catastrophic backtracking)");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw refuse(where, "validate.pattern is not a valid regular expression: " + e.getDescription());
        }
    }

    private Double number(JsonNode v, String name, String where) {
        if (!v.hasNonNull(name) || v.path(name).asText().isEmpty()) {
            return null;
        }
        if (!v.path(name).isNumber()) {
            try {
                return Double.valueOf(v.path(name).asText());
            } catch (NumberFormatException e) {
                throw refuse(where, "validate." + name + " is not a number");
            }
        }
        return v.path(name).asDouble();
    }

    private Integer nonNegative(JsonNode v, String name, String where) {
        Double n = number(v, name, where);
        if (n == null) {
            return null;
        }
        if (n < 0 || n != Math.rint(n) || n > Integer.MAX_VALUE) {
            throw refuse(where, name + " must be a whole number >= 0");
        }
        return n.intValue();
    }

    private Integer intProperty(JsonNode c, String name, String where) {
        JsonNode p = c.path("properties").path(name);
        if (p.isMissingNode()) {
            return null;
        }
        try {
            return Integer.valueOf(p.asText().strip());
        } catch (NumberFormatException e) {
            throw refuse(where, name + " must be a whole number");
        }
    }

    private Map<String, String> options(JsonNode c, String type, String where) {
        boolean choice = Set.of("select", "radio", "checklist", "taglist").contains(type);
        if (!choice) {
            return null;
        }
        if (c.has("valuesKey") || c.has("valuesExpression")) {
            throw refuse(where, "options must be static 'values' (valuesKey/valuesExpression cannot be checked by the server)");
        }
        if (!c.path("values").isArray() || c.path("values").isEmpty()) {
            throw refuse(where, "a " + type + " needs a non-empty 'values' list");
        }
        var options = new LinkedHashMap<String, String>();
        for (JsonNode o : c.path("values")) {
            String value = o.path("value").asText();
            if (value.isEmpty() || options.put(value, o.path("label").asText(value)) != null) {
                throw refuse(where, "option values must be non-empty and unique ('" + value + "')");
            }
        }
        return options;
    }

    private FieldFormat format(JsonNode c, String type, String where) {
        JsonNode declared = c.path("properties").path(FieldFormat.PROPERTY);
        if (declared.isMissingNode()) {
            return null;
        }
        if (!type.equals("textfield") && !type.equals("textarea")) {
            throw refuse(where, FieldFormat.PROPERTY + " applies to text fields only");
        }
        return FieldFormat.named(declared.asText()).orElseThrow(() -> refuse(where,
                "unknown " + FieldFormat.PROPERTY + " '" + declared.asText() + "'"));
    }
}
