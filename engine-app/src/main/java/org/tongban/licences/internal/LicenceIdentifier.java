package org.tongban.licences.internal;

import java.util.regex.Pattern;

/**
 * The licence identifier (电子证照标识) after GB/T 36904: {@code 1.2.156.3005.2.<type code>.<issuer credit code>.
 * <serial>.<version>.<check>}, the check character by ISO/IEC 7064 MOD 37,36 (GB/T 17710) over every character before
 * it with the dots left out. Unique because the serial is the licence's own row number, never reused; an amendment or
 * renewal keeps the serial and raises the version.
 */
public final class LicenceIdentifier {

    /** The OID arc of Chinese e-licences (国家电子证照标识). */
    public static final String PREFIX = "1.2.156.3005.2";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern SEGMENT = Pattern.compile("[0-9A-Z]{1,32}");
    private static final Pattern IDENTIFIER = Pattern.compile("1\\.2\\.156\\.3005\\.2\\.[0-9A-Z]{1,32}\\.[0-9A-Z]{18}\\.[0-9]{1,12}\\.[0-9]{1,4}\\.[0-9A-Z]");

    private LicenceIdentifier() {
    }

    public static String of(String typeCode, String issuerCreditCode, long serial, int version) {
        if (!SEGMENT.matcher(typeCode).matches() || issuerCreditCode.length() != 18 || !SEGMENT.matcher(issuerCreditCode).matches()
                || serial < 1 || version < 1) {
            throw new IllegalArgumentException("bad identifier parts: " + typeCode + ", " + issuerCreditCode + ", " + serial + ", " + version);
        }
        String body = PREFIX + "." + typeCode + "." + issuerCreditCode + "." + String.format("%08d", serial) + "." + version;
        return body + "." + check(body.replace(".", ""));
    }

    /** Whether the text is a well-formed identifier with a correct check character. */
    public static boolean valid(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            return false;
        }
        int last = identifier.lastIndexOf('.');
        return check(identifier.substring(0, last).replace(".", "")) == identifier.charAt(last + 1);
    }

    /** ISO/IEC 7064 MOD 37,36 (the hybrid system for alphanumeric strings): the check character for {@code text}. */
    static char check(String text) {
        int m = 36;
        int p = m;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not alphanumeric: " + text);
            }
            int s = (p + value) % m;
            if (s == 0) {
                s = m;
            }
            p = (2 * s) % (m + 1);
        }
        return ALPHABET.charAt((m + 1 - p) % m);
    }
}
