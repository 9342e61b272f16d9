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
}
