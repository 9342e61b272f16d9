package org.tongban.tasks;

import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;

/** The written reason an operation must give (退回理由, 撤回理由): required, plain text, at most 500 characters. */
final class Reasons {

    static final int MAX = 500;

    private Reasons() {
    }

    static String require(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("reason", "required", "理由", "Reason"));
        }
        if (text.length() > MAX) {
            throw DomainException.invalid(FieldProblem.of("reason", "too-long", "理由", "Reason", MAX));
        }
        if (!PlainText.isPlain(text, true)) {
            throw DomainException.invalid(FieldProblem.of("reason", "control-character", "理由", "Reason"));
        }
        return text;
    }
}
