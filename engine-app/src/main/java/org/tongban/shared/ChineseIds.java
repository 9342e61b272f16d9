package org.tongban.shared;

import java.util.regex.Pattern;

/**
 * Check digits of Chinese identifiers: resident ID number (GB 11643, ISO 7064 MOD 11-2) and unified
 * social credit code (GB 32100, MOD 31).
 */
public final class ChineseIds {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[0-9X]");

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern USCC_SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private ChineseIds() {
    }

    public static boolean isResidentIdNumber(String value) {
        if (value == null || !ID_SHAPE.matcher(value).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return value.charAt(17) == ID_CHECK.charAt(sum % 11);
    }

    public static boolean isUnifiedSocialCreditCode(String value) {
        if (value == null || !USCC_SHAPE.matcher(value).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(value.charAt(i)) * USCC_WEIGHTS[i];
        }
        return value.charAt(17) == USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
