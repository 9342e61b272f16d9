package org.tongban.licences.internal;

import java.util.List;
import org.tongban.shared.LocalizedText;

/** A licence template (证照模板) from {@code templates/licences/<code>.yaml}. */
public record LicenceTemplate(String code, LocalizedText title, String numberPrefix, int validYears, Holder holder,
                              List<Field> fields, String issuer) {

    public record Holder(String name, String idNumber) {
    }

    public record Field(String label, String value) {
    }
}
