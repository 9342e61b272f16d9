package org.tongban.licences.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongban.forms.FormField;

/**
 * The {@code form.<key>} values a template can print for a form: its fields by key (a group with a path prefixes
 * its fields' keys; lists are not printable), each with its label — the designer's preview prints the label.
 */
final class FormPlaceholders {

    private FormPlaceholders() {
    }

    /** Key (without {@code form.}) → label. */
    static Map<String, String> of(List<FormField> fields) {
        var keys = new LinkedHashMap<String, String>();
        collect("", fields, keys);
        return keys;
    }

    private static void collect(String prefix, List<FormField> fields, Map<String, String> keys) {
        for (FormField f : fields) {
            if (f.isContainer()) {
                if (!f.isList()) {
                    collect(f.key() == null ? prefix : prefix + f.key() + ".", f.components(), keys);
                }
            } else {
                keys.put(prefix + f.key(), f.label());
            }
        }
    }
}
