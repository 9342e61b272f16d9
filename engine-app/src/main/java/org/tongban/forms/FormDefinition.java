package org.tongban.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form (表单) as designed in the form-js editor; {@code schema} is the raw JSON the browser renders and
 * {@code fields} its data-carrying components as a tree (groups and dynamic lists hold their own fields);
 * {@code version} is its deployed version (0 for a schema read but not deployed).
 */
public record FormDefinition(String id, List<FormField> fields, String schema, int version) {

    public FormDefinition(String id, List<FormField> fields, String schema) {
        this(id, fields, schema, 0);
    }

    public FormDefinition withVersion(int deployed) {
        return new FormDefinition(id, fields, schema, deployed);
    }

    /**
     * Form data as people read it (option labels instead of values), keyed by field key; fields of a group with a
     * path as {@code path.key}. Dynamic lists are left out (a licence template names single values).
     */
    public Map<String, String> displayValues(Map<String, Object> data) {
        var shown = new LinkedHashMap<String, String>();
        collect("", fields, data == null ? Map.of() : data, shown);
        return shown;
    }

    private static void collect(String prefix, List<FormField> fields, Map<?, ?> data, Map<String, String> shown) {
        for (FormField f : fields) {
            if (f.isList()) {
                continue;
            }
            if (f.isContainer()) {
                if (f.key() == null) {
                    collect(prefix, f.components(), data, shown);
                } else {
                    Object nested = data.get(f.key());
                    collect(prefix + f.key() + ".", f.components(), nested instanceof Map<?, ?> m ? m : Map.of(), shown);
                }
                continue;
            }
            shown.put(prefix + f.key(), f.display(data.get(f.key())));
        }
    }
}
