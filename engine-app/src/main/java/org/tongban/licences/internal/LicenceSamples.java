package org.tongban.licences.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** The values a sample licence prints (a designer's preview, a template's trial print): each form value as its field's label in 〈〉. */
final class LicenceSamples {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private LicenceSamples() {
    }

    /** @param formLabels the item's form fields, key (without {@code form.}) → label */
    static Map<String, String> values(String itemName, LicenceTemplate template, Map<String, String> formLabels) {
        var values = new HashMap<String, String>();
        formLabels.forEach((key, label) -> values.put("form." + key, "〈" + label + "〉"));
        LocalDate today = LocalDate.now(CHINA);
        var date = DateTimeFormatter.ofPattern("yyyy年M月d日");
        values.put("licence.number", template.numberPrefix() + today.getYear() + "000000");
        values.put("licence.identifier", LicenceIdentifier.of(template.typeCode(), template.issuerCode(), 1, 1));
        values.put("licence.verifyUrl", "https://example.invalid/verify/SAMPLE");
        values.put("licence.issuedDate", today.format(date));
        values.put("licence.validUntil", today.plusYears(template.validYears()).minusDays(1).format(date));
        values.put("case.number", "TB" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "000000");
        values.put("item.name", itemName);
        values.put("holder.name", "〈持证主体〉");
        values.put("holder.idNumber", "〈持证主体代码〉");
        values.put(LicenceRenderer.WATERMARK, "样例 SAMPLE");
        return values;
    }
}
