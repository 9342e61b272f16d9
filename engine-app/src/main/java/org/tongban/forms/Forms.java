package org.tongban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.forms.internal.FormSchemas;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;

/** Form definitions and server-side validation of submitted form data (the browser is never trusted). */
@Service
public class Forms {

    private final FormSchemas schemas;

    Forms(FormSchemas schemas) {
        this.schemas = schemas;
    }

    public Optional<FormDefinition> find(String formId) {
        return schemas.find(formId);
    }

    public FormDefinition require(String formId) {
        return find(formId).orElseThrow(() -> DomainException.notFound("form-not-found", formId));
    }

    /**
     * Checks data against the form: required fields, plain text (no control or bidi characters), lengths,
     * patterns, declared formats (credit code, ID number…), number ranges, select options, and no unknown keys.
     * Problems name the field as {@code form.<key>}.
     */
    public List<FieldProblem> validate(String formId, Map<String, Object> data) {
        FormDefinition form = require(formId);
        var problems = new ArrayList<FieldProblem>();
        var known = form.fields().stream().map(FormField::key).toList();
        data.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add(FieldProblem.of("form." + k, "unknown-field", k)));
        for (FormField field : form.fields()) {
            check(field, data.get(field.key()), problems);
        }
        return problems;
    }

    private static void check(FormField f, Object value, List<FieldProblem> problems) {
        String name = "form." + f.key();
        boolean blank = value == null || (value instanceof String s && s.isBlank());
        if (blank) {
            if (f.required()) {
                problems.add(FieldProblem.of(name, "required", f.label(), f.labelEn()));
            }
            return;
        }
        if (f.isNumber()) {
            if (!(value instanceof Number n)) {
                problems.add(FieldProblem.of(name, "not-a-number", f.label(), f.labelEn()));
                return;
            }
            if (f.min() != null && n.doubleValue() < f.min()) {
                problems.add(FieldProblem.of(name, "too-small", f.label(), f.labelEn(), f.min()));
            }
            if (f.max() != null && n.doubleValue() > f.max()) {
                problems.add(FieldProblem.of(name, "too-large", f.label(), f.labelEn(), f.max()));
            }
            return;
        }
        if (!(value instanceof String text)) {
            problems.add(FieldProblem.of(name, "not-text", f.label(), f.labelEn()));
            return;
        }
        if (!PlainText.isPlain(text, f.isMultiline())) {
            problems.add(FieldProblem.of(name, "control-character", f.label(), f.labelEn()));
            return;
        }
        if (f.options() != null && !f.options().containsKey(text)) {
            problems.add(FieldProblem.of(name, "not-an-option", f.label(), f.labelEn(), String.join("/", f.options().keySet())));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (f.minLength() != null && length < f.minLength()) {
            problems.add(FieldProblem.of(name, "too-short", f.label(), f.labelEn(), f.minLength()));
        }
        if (f.maxLength() != null && length > f.maxLength()) {
            problems.add(FieldProblem.of(name, "too-long", f.label(), f.labelEn(), f.maxLength()));
        }
        if (f.pattern() != null && !f.pattern().matcher(text).matches()) {
            problems.add(FieldProblem.of(name, "bad-format", f.label(), f.labelEn()));
        } else if (f.format() != null && !f.format().accepts(text)) {
            problems.add(FieldProblem.of(name, f.format().problemCode(), f.label(), f.labelEn()));
        }
    }
}
