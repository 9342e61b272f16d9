package org.tongban.licences.internal;

import java.util.Map;
import org.springframework.util.PropertyPlaceholderHelper;

/** Fills ${name} placeholders of a template; unknown names become empty rather than failing an issued licence. */
public final class Placeholders {

    private static final PropertyPlaceholderHelper HELPER = new PropertyPlaceholderHelper("${", "}", null, null, true);

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        return HELPER.replacePlaceholders(template, name -> values.getOrDefault(name, ""));
    }
}
