package org.tongban.forms;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tongban.shared.ChineseIds;

/**
 * Server-side formats a form field can declare with the form-js custom property {@code "tongban:format"}
 * (form-js keeps custom {@code properties} on a component). Each refuses a value with its own message code.
 */
public enum FieldFormat {
    /** 统一社会信用代码, GB 32100: shape and check character. */
    CREDIT_CODE("creditCode", "bad-credit-code", ChineseIds::isUnifiedSocialCreditCode),
    /** 居民身份证号码, GB 11643: shape and check digit. */
    RESIDENT_ID("residentId", "bad-resident-id", ChineseIds::isResidentIdNumber),
    /** Mainland mobile number: 11 digits starting 13–19. */
    MOBILE("mobile", "bad-mobile", Pattern.compile("1[3-9][0-9]{9}").asMatchPredicate()),
    /** 邮政编码: 6 digits; mainland postcodes start 0–8. */
    POSTAL_CODE("postalCode", "bad-postal-code", Pattern.compile("[0-8][0-9]{5}").asMatchPredicate()),
    /**
     * 行政区划代码, GB/T 2260: 6 digits, a province-level prefix that exists (11 北京 … 82 澳门), and no county part
     * under a missing prefecture part (330521 德清县 and 330500 湖州市 are fine, 330021 is not).
     */
    DIVISION_CODE("divisionCode", "bad-division-code", FieldFormat::isDivisionCode);

    private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    /** The custom property naming the format in a form-js schema. */
    public static final String PROPERTY = "tongban:format";

    private final String schemaName;
    private final String problemCode;
    private final Predicate<String> check;

    FieldFormat(String schemaName, String problemCode, Predicate<String> check) {
        this.schemaName = schemaName;
        this.problemCode = problemCode;
        this.check = check;
    }

    public static Optional<FieldFormat> named(String schemaName) {
        return Arrays.stream(values()).filter(f -> f.schemaName.equals(schemaName)).findFirst();
    }

    public String schemaName() {
        return schemaName;
    }

    public String problemCode() {
        return problemCode;
    }

    public boolean accepts(String value) {
        return check.test(value);
    }

    private static boolean isDivisionCode(String value) {
        return value.matches("[0-9]{6}") && PROVINCES.contains(value.substring(0, 2))
                && !(value.startsWith("00", 2) && !value.startsWith("00", 4));
    }
}
