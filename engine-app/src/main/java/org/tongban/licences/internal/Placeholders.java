package org.tongban.licences.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} placeholders of a template in one pass. Values are inserted literally and never scanned
 * again: applicant text such as {@code ${form.creditCode}} is data, not template (a value naming itself used to
 * recurse until the licence failed). Unknown names in the template become empty rather than failing a licence.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        return placeholders.replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), "")));
    }
}
