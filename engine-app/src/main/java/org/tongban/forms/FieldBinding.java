package org.tongban.forms;

import java.util.Set;

/**
 * What the definition says about one top-level data key of a form beyond its value rules (docs/forms.md, "Steps,
 * variables and prefill"): the steps at which it may be edited ({@code tongban:editableAt}; {@link #APPLY} is the
 * applicant's form, the default) and at which it is hidden ({@code tongban:hiddenAt}) — read-only everywhere else —
 * the process variable it feeds ({@code tongban:variable}, or null) and the verified-profile entry the server fills
 * it from ({@code tongban:prefill}, or null).
 */
public record FieldBinding(String key, Set<String> editableAt, Set<String> hiddenAt, String variable, String prefill) {

    /** The applicant's form: submission and correction (补正). */
    public static final String APPLY = "apply";

    public enum Access { EDITABLE, READ_ONLY, HIDDEN }

    public FieldBinding {
        editableAt = Set.copyOf(editableAt);
        hiddenAt = Set.copyOf(hiddenAt);
    }

    /** A field with no declarations: the applicant fills it, every step reads it. */
    public static FieldBinding plain(String key) {
        return new FieldBinding(key, Set.of(APPLY), Set.of(), null, null);
    }

    public Access at(String step) {
        if (hiddenAt.contains(step)) {
            return Access.HIDDEN;
        }
        return editableAt.contains(step) ? Access.EDITABLE : Access.READ_ONLY;
    }

    /** Hidden from staff at no step (who sees a case without a step of their own sees only these). */
    public boolean hiddenFromNoStaff() {
        return hiddenAt.stream().allMatch(APPLY::equals);
    }
}
