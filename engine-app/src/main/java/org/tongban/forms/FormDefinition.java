package org.tongban.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A form (表单) as designed in the form-js editor; {@code schema} is the raw JSON the browser renders. */
public record FormDefinition(String id, List<FormField> fields, String schema) {

    /** Form data as people read it (select labels instead of values), keyed by field key. */
    public Map<String, String> displayValues(Map<String, Object> data) {
        var shown = new LinkedHashMap<String, String>();
        fields.forEach(f -> shown.put(f.key(), f.display(data.get(f.key()))));
        return shown;
    }
}
