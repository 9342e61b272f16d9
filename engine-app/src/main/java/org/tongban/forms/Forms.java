package org.tongban.forms;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tongban.forms.internal.FormSchemas;
import org.tongban.forms.internal.FormVersions;
import org.tongban.forms.internal.validation.FormDataValidator;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.InvalidContentException;

/** Form definitions and server-side validation of submitted form data (the browser is never trusted). */
@Service
public class Forms {

    /** The largest schema a designer may deploy. */
    public static final int MAX_SCHEMA_BYTES = 256 * 1024;

    private final FormVersions versions;

    Forms(FormVersions versions) {
        this.versions = versions;
    }

    /** The form's latest deployed version: what a new application is filled in and checked against. */
    public FormDefinition require(String formId) {
        return versions.latest(formId);
    }

    /** The version a case was submitted with; {@code null} (cases from before versions) is version 1. */
    public FormDefinition require(String formId, Integer version) {
        return versions.version(formId, version == null ? 1 : version);
    }

    /** Deployed versions, newest first. */
    public List<FormVersion> versions(String formId) {
        return versions.versions(formId);
    }

    /**
     * Reads a designer's schema for the form as the server would enforce it, without storing anything: 400
     * {@code form-schema-invalid} naming what is wrong, or {@code form-id-mismatch}.
     */
    public FormDefinition check(String formId, String schema) {
        if (schema == null || schema.isBlank() || schema.length() > MAX_SCHEMA_BYTES) {
            throw DomainException.invalid(FieldProblem.of("schema", "form-schema-size", MAX_SCHEMA_BYTES / 1024));
        }
        FormDefinition form;
        try {
            form = FormSchemas.read("schema", schema);
        } catch (InvalidContentException refused) {
            String why = refused.getMessage().startsWith("schema: ") ? refused.getMessage().substring(8) : refused.getMessage();
            throw DomainException.invalid(FieldProblem.of("schema", "form-schema-invalid", why));
        }
        if (!formId.equals(form.id())) {
            throw DomainException.invalid(FieldProblem.of("schema.id", "form-id-mismatch", form.id(), formId));
        }
        return form;
    }

    /** A designer deploys a new version (nothing new when it equals the latest); audited. */
    public FormVersion deploy(String formId, String schema, String designer) {
        return versions.deploy(check(formId, schema), designer);
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
