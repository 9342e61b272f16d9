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
    MOBILE("mobile", "bad-mobile", Pattern.compile("1[3-9][0-9]{9}").asMatchPredicate());

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
}
