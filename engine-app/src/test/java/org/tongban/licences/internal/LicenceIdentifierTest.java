package org.tongban.licences.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GB/T 36904 identifiers and their ISO/IEC 7064 MOD 37,36 check character. */
class LicenceIdentifierTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The hybrid system's defining property: running it over the text with its check character ends at 1. */
    private static int residue(String text) {
        int m = 36;
        int p = m;
        int s = 0;
        for (char c : text.toCharArray()) {
            s = (p + ALPHABET.indexOf(c)) % m;
            if (s == 0) {
                s = m;
            }
            p = (2 * s) % (m + 1);
        }
        return s % m;
    }

    @Test
    void theCheckCharacterCompletesTheHybridSystem() {
        for (String text : new String[] {"0", "A", "12315603005203011133052100251234X00000001", "ZZZZZZ", "WUSHU1234"}) {
            assertThat(residue(text + LicenceIdentifier.check(text))).as(text).isEqualTo(1);
        }
    }

    @Test
    void everySingleSubstitutionAndAdjacentTranspositionIsCaught() {
        String id = LicenceIdentifier.of("0301", "11330521002512345X".substring(0, 17) + "M", 42, 1);
        assertThat(LicenceIdentifier.valid(id)).as(id).isTrue();
        int last = id.lastIndexOf('.');
        String body = id.substring(0, last);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '.' || (i < LicenceIdentifier.PREFIX.length())) {
                continue;
            }
            for (char other : ALPHABET.toCharArray()) {
                if (other != c && Character.isDigit(other) == Character.isDigit(c)) {
                    String changed = body.substring(0, i) + other + body.substring(i + 1) + id.substring(last);
                    assertThat(LicenceIdentifier.valid(changed)).as(changed).isFalse();
                }
            }
            if (i + 1 < body.length() && body.charAt(i + 1) != '.' && body.charAt(i + 1) != c) {
                String swapped = body.substring(0, i) + body.charAt(i + 1) + c + body.substring(i + 2) + id.substring(last);
                assertThat(LicenceIdentifier.valid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void theShapeIsTheStandardOne() {
        String id = LicenceIdentifier.of("0301", "11330521MB1234567A", 7, 2);
        assertThat(id).matches("1\\.2\\.156\\.3005\\.2\\.0301\\.11330521MB1234567A\\.00000007\\.2\\.[0-9A-Z]");
        assertThat(LicenceIdentifier.valid(id.replace(".2.", ".3."))).isFalse();
        assertThat(LicenceIdentifier.valid("1.2.156.3005.2.0301")).isFalse();
        assertThatThrownBy(() -> LicenceIdentifier.of("03-01", "11330521MB1234567A", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
