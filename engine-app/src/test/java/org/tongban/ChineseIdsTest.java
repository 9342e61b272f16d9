package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongban.shared.ChineseIds;

class ChineseIdsTest {

    @Test
    void residentIdCheckDigit() {
        assertThat(ChineseIds.isResidentIdNumber("330521199202261011")).isTrue();
        assertThat(ChineseIds.isResidentIdNumber("11010519491231002X")).isTrue();
        assertThat(ChineseIds.isResidentIdNumber("330521199202261012")).isFalse();
        assertThat(ChineseIds.isResidentIdNumber("33052119920226101")).isFalse();
    }

    @Test
    void unifiedSocialCreditCodeCheckCharacter() {
        assertThat(ChineseIds.isUnifiedSocialCreditCode("91330521MA2B3C4D5Q")).isTrue();
        assertThat(ChineseIds.isUnifiedSocialCreditCode("91350100M000100Y43")).isTrue();
        assertThat(ChineseIds.isUnifiedSocialCreditCode("91330521MA2B3C4D5R")).isFalse();
        assertThat(ChineseIds.isUnifiedSocialCreditCode("91330521MA2B3C4D5I")).isFalse();
    }
}
