package org.tongban.forms;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.forms.internal.FormSchemas;
import org.tongban.forms.internal.validation.FormDataValidator;
import org.tongban.shared.DomainException;

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
     * Checks data against the form (docs/forms.md, "Schema conventions and validation"): computes expression
     * fields and evaluates {@code conditional.hide} with the FEEL engine, then required fields, types, plain text,
     * lengths, patterns, declared formats (credit code, ID number…), number ranges and digits, options, dates,
     * groups and dynamic list rows, and no unknown keys. Problems name the field as {@code form.<key>} or
     * {@code form.staff[2].healthCertificateNo}; the data to store has hidden fields dropped and computed fields
     * holding the server's value. Nothing is stored by this call.
     */
    public ValidatedForm validate(String formId, Map<String, Object> data) {
        return validate(require(formId), data);
    }

    public ValidatedForm validate(FormDefinition form, Map<String, Object> data) {
        return FormDataValidator.validate(form, data);
    }
}
