package org.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formats a form-js field can declare with "tongban:format" (no shipped form has an ID number or mobile field). */
class FieldFormatTest {

    @Test
    void formatsAreNamedAsInTheSchemaAndCheckTheirValues() {
        assertThat(FieldFormat.named("creditCode")).contains(FieldFormat.CREDIT_CODE);
        assertThat(FieldFormat.named("residentId")).contains(FieldFormat.RESIDENT_ID);
        assertThat(FieldFormat.named("mobile")).contains(FieldFormat.MOBILE);
        assertThat(FieldFormat.named("email")).isEmpty();
        assertThat(FieldFormat.RESIDENT_ID.accepts("11010519491231002X")).isTrue();
        assertThat(FieldFormat.RESIDENT_ID.accepts("110105194912310021")).isFalse();
        assertThat(FieldFormat.MOBILE.accepts("13857212345")).isTrue();
        assertThat(FieldFormat.MOBILE.accepts("12857212345")).isFalse();
        assertThat(FieldFormat.MOBILE.accepts("0572-8012345")).isFalse();
    }
}
