package org.tongban.forms;

import java.util.List;
import java.util.Map;
import org.tongban.shared.FieldProblem;

/**
 * The outcome of checking submitted form data: the problems (empty when valid) and the data to store — hidden
 * fields dropped, computed ({@code expression}) fields holding the server's value.
 */
public record ValidatedForm(List<FieldProblem> problems, Map<String, Object> data) {

    public boolean valid() {
        return problems.isEmpty();
    }
}
