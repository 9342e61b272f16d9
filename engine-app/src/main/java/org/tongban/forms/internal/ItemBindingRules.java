package org.tongban.forms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tongban.catalogue.ServiceItem;
import org.tongban.forms.FieldBinding;
import org.tongban.forms.FormDefinition;

/**
 * What a form's bindings must agree on with an item that uses it: the process variables the item declares
 * ({@code processVariables} in item.yaml, the only ones its BPMN may read) are exactly those the form maps, so a
 * gateway never reads a variable no field feeds; and the steps named by {@code tongban:editableAt/hiddenAt} are
 * user tasks of the item's process (or {@code apply}), so a typo never leaves a field editable nowhere.
 */
public final class ItemBindingRules {

    private ItemBindingRules() {
    }

    /** {@code steps}: the user-task ids of the item's latest process (the applicant's correction excluded); null: unknown. */
    public static List<String> problems(ServiceItem item, FormDefinition form, Set<String> steps) {
        var problems = new ArrayList<String>();
        var mapped = new TreeSet<String>();
        for (FieldBinding b : form.bindings().values()) {
            if (b.variable() != null) {
                mapped.add(b.variable());
                if (!item.declaredVariables().contains(b.variable())) {
                    problems.add("field '" + b.key() + "' maps process variable '" + b.variable() + "', which item "
                            + item.code() + " does not declare (processVariables in its item.yaml)");
                }
            }
            if (steps != null) {
                var named = new TreeSet<>(b.editableAt());
                named.addAll(b.hiddenAt());
                named.remove(FieldBinding.APPLY);
                named.removeAll(steps);
                named.forEach(step -> problems.add("field '" + b.key() + "' names step '" + step + "', which is not a "
                        + "user task of item " + item.code() + "'s process (steps: apply, " + String.join(", ", new TreeSet<>(steps)) + ")"));
            }
        }
        if (steps != null) {
            var timed = new TreeSet<String>(item.stepDays() == null ? java.util.Set.of() : item.stepDays().keySet());
            timed.addAll(item.inPersonStepKeys());
            timed.removeAll(steps);
            timed.forEach(step -> problems.add("item " + item.code() + " gives step '" + step + "' a time limit or marks it "
                    + "in person (stepDays, inPersonSteps), but it is not a user task of its process"));
        }
        for (String declared : item.declaredVariables()) {
            if (!mapped.contains(declared)) {
                problems.add("item " + item.code() + "'s process reads variable '" + declared
                        + "' (processVariables), but no field maps it (tongban:variable)");
            }
        }
        return problems;
    }
}
