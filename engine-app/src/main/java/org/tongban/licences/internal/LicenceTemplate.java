package org.tongban.licences.internal;

import java.util.List;
import org.tongban.shared.LocalizedText;

/**
 * A licence template (证照模板) from {@code templates/licences/<code>.yaml}; {@code issuerCode} is the issuing
 * department's unified social credit code and {@code typeCode} the licence type's code (both in the GB/T 36904
 * identifier); {@code department} names the signing key (its alias in the keystore). What the face shows and where
 * is the {@link Face} part.
 */
public record LicenceTemplate(String code, LocalizedText title, String numberPrefix, int validYears, Holder holder,
                              List<Field> fields, List<Paragraph> paragraphs, Layout layout, String font,
                              String issuer, String issuerCode, String department, String typeCode) implements Face {

    public record Holder(String name, String idNumber) {
    }

    private static final java.util.regex.Pattern FORM_KEY = java.util.regex.Pattern.compile("\\$\\{form\\.([A-Za-z0-9_-]+)");

    /**
     * The top-level form fields the licence prints ({@code ${form.<key>}} in its rows, paragraphs and holder), in
     * order: what an amendment (变更) may change.
     */
    public java.util.Set<String> formKeys() {
        var texts = new java.util.ArrayList<String>();
        fields.forEach(f -> texts.add(f.value()));
        texts.add(holder.name());
        texts.add(holder.idNumber());
        if (paragraphs != null) {
            paragraphs.forEach(p -> texts.add(p.text()));
        }
        var keys = new java.util.LinkedHashSet<String>();
        for (String text : texts) {
            var matcher = FORM_KEY.matcher(text == null ? "" : text);
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }
}
