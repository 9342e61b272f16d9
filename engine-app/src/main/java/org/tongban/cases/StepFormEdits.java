package org.tongban.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.tongban.cases.internal.CaseMapper;
import org.tongban.cases.internal.CaseRow;
import org.tongban.catalogue.Catalogue;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.Forms;
import org.tongban.forms.ValidatedForm;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;

/**
 * Form fields an approver fills at their step (tongban:editableAt, e.g. the inspector's findings), changed with the
 * step's completion and in its transaction (docs/forms.md, "Steps, variables and prefill").
 */
@Service
public class StepFormEdits {

    private final CaseMapper mapper;
    private final Catalogue catalogue;
    private final Forms forms;
    private final ObjectMapper json;

    /** The platform's time (tests set it): when steps happen. */
    private final java.time.Clock clock;

    StepFormEdits(CaseMapper mapper, Catalogue catalogue, Forms forms, ObjectMapper json, java.time.Clock clock) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.forms = forms;
        this.json = json;
        this.clock = clock;
    }

    /** The case's form version. */
    public FormDefinition form(CaseRef ref) {
        return forms.require(catalogue.require(ref.itemCode()).form(), ref.formVersion());
    }

    /**
     * Applies {@code changes} at {@code step}: only fields editable there may change (400 {@code not-editable}
     * otherwise); the whole data is checked against the case's form version, required editable fields only when
     * {@code requiring} (an action that moves the case on); nothing is written when anything fails. Each changed
     * field is recorded (tb_case_form_change) and the history gets EDIT_FORM naming them. Returns the mapped process
     * variables whose value changed (tongban:variable), for the completion to set.
     */
    public Map<String, Object> edit(CaseRef ref, String step, String stepName, String department, Actor user,
                                    Map<String, Object> changes, boolean requiring) {
        FormDefinition form = form(ref);
        boolean none = changes == null || changes.isEmpty();
        if (none && (!requiring || form.editableAt(step).isEmpty())) {
            return Map.of(); // the usual step: nothing to fill, nothing read
        }
        CaseRow row = mapper.byId(ref.id());
        Map<String, Object> before = read(row.formData);
        ValidatedForm edited = forms.edit(form, before, changes, step, null, requiring);
        if (!edited.valid()) {
            throw DomainException.invalid(edited.problems());
        }
        Map<String, Object> after = edited.data();
        var changed = new LinkedHashSet<String>();
        // compared as JSON text: a computed 1 (Long) equals a stored 1 (Integer)
        after.keySet().stream().filter(k -> !Objects.equals(text(before.get(k)), text(after.get(k)))).forEach(changed::add);
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(changed::add);
        if (changed.isEmpty()) {
            return Map.of();
        }
        mapper.updateForm(row.id, write(after));
        Instant now = clock.instant();
        for (String key : changed) {
            mapper.insertFormChange(row.id, now, user.username(), user.displayName(), step, stepName, key,
                    before.get(key) == null ? null : write(before.get(key)), after.get(key) == null ? null : write(after.get(key)));
        }
        String fields = String.join(",", changed);
        mapper.insertEvent(row.id, new CaseEvent(now, user.username(), user.displayName(), department, step, stepName,
                StepAction.EDIT_FORM, null, fields.length() > 512 ? fields.substring(0, 512) : fields));
        Map<String, Object> oldVariables = form.variables(before);
        var variables = new LinkedHashMap<String, Object>();
        form.variables(after).forEach((name, value) -> {
            if (!Objects.equals(oldVariables.get(name), value)) {
                variables.put(name, value);
            }
        });
        return variables;
    }

    /** The recorded changes of a case already found visible, with only the fields {@code visible} keeps. */
    List<FormChange> changes(long caseId, java.util.function.Predicate<String> visible) {
        return mapper.formChanges(caseId).stream().filter(c -> visible.test(c.field()))
                .map(c -> new FormChange(c.changedAt(), c.actor(), c.actorName(), c.stepKey(), c.stepName(), c.field(),
                        c.oldValue() == null ? null : readValue(c.oldValue()), c.newValue() == null ? null : readValue(c.newValue())))
                .toList();
    }

    private String text(Object value) {
        return value == null ? null : write(value);
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case form data is not JSON", e);
        }
    }

    private Object readValue(String value) {
        try {
            return json.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded form value is not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
