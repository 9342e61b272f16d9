package org.tongban.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.forms.internal.FormSchemas;
import org.tongban.forms.internal.ItemBindingRules;
import org.tongban.workflow.ProcessDefinitions;
import org.tongban.workflow.ProcessVersion;
import org.tongban.workflow.StepMoves;
import org.tongban.forms.internal.SchemaViews;
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
    private final Catalogue catalogue;
    private final ProcessDefinitions processes;
    private final StepMoves moves;

    Forms(FormVersions versions, Catalogue catalogue, ProcessDefinitions processes, StepMoves moves) {
        this.versions = versions;
        this.catalogue = catalogue;
        this.processes = processes;
        this.moves = moves;
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
        for (ServiceItem item : catalogue.items()) {
            if (item.form().equals(formId)) {
                var steps = processes.versions(item).stream().filter(ProcessVersion::latest).findFirst()
                        .map(v -> moves.stepsOfVersion(v.processDefinitionId()).values().stream()
                                .filter(s -> !"correction".equals(s.category())).map(StepMoves.ProcessStep::key)
                                .collect(java.util.stream.Collectors.toSet()))
                        .orElse(null);
                var problems = ItemBindingRules.problems(item, form, steps);
                if (!problems.isEmpty()) {
                    throw DomainException.invalid(FieldProblem.of("schema", "form-schema-invalid", String.join("; ", problems)));
                }
            }
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

    /**
     * The schema of the applicant's form: the fields they fill and the prefilled ones, read-only with the verified
     * profile's value ({@code profile} null: anonymous, nothing filled); staff-only fields are left out.
     */
    public String applySchema(FormDefinition form, Map<String, String> profile) {
        return SchemaViews.filter(form, key -> {
            FieldBinding b = form.binding(key);
            return b.prefill() != null || b.at(FieldBinding.APPLY) == FieldBinding.Access.EDITABLE;
        }, (key, component) -> {
            String from = form.binding(key).prefill();
            if (from != null) {
                component.put("readonly", true);
                String value = profile == null ? null : profile.get(from);
                if (value != null) {
                    component.put("defaultValue", value);
                }
            }
        }, true);
    }

    /** The schema of what a step fills: only the fields editable at the step (empty components when none). */
    public String stepSchema(FormDefinition form, String step) {
        Set<String> editable = form.editableAt(step);
        return SchemaViews.filter(form, editable::contains, (key, component) -> { }, false);
    }

    /** The schema without what someone working {@code steps} may not see (see {@link FormDefinition#visibleAt}). */
    public String visibleSchema(FormDefinition form, java.util.Collection<String> steps) {
        return SchemaViews.filter(form, key -> form.visibleAt(key, steps), (key, component) -> { }, true);
    }

    /**
     * A change of form data at a step (docs/forms.md, "Steps, variables and prefill"): the applicant's form
     * ({@link FieldBinding#APPLY}: submission, correction) or an approver's user task. Only keys editable at the
     * step may change (others: {@code not-editable}); at APPLY the prefilled keys take the verified {@code profile}'s
     * values whatever the client sent. Then the whole result is checked as {@link #validate} does, with required
     * rules only for what is filled at this step, and only when {@code requiring} (a step's forward action).
     */
    public ValidatedForm edit(FormDefinition form, Map<String, Object> stored, Map<String, Object> changes, String step,
                              Map<String, String> profile, boolean requiring) {
        var problems = new ArrayList<FieldProblem>();
        var data = new LinkedHashMap<String, Object>(stored == null ? Map.of() : stored);
        var required = new HashSet<String>(requiring ? form.editableAt(step) : Set.of());
        (changes == null ? Map.<String, Object>of() : changes).forEach((key, value) -> {
            FieldBinding binding = form.bindings().get(key);
            if (binding == null) {
                data.put(key, value); // not a field: the check below names it unknown-field
            } else if (binding.prefill() == null && binding.at(step) != FieldBinding.Access.EDITABLE) {
                FormField f = form.field(key).orElseThrow();
                problems.add(FieldProblem.of("form." + key, "not-editable", f.label(), f.labelEn()));
            } else if (binding.prefill() == null) {
                data.put(key, value);
            }
        });
        if (FieldBinding.APPLY.equals(step)) {
            for (FieldBinding b : form.bindings().values()) {
                if (b.prefill() == null) {
                    continue;
                }
                String value = profile == null ? null : profile.get(b.prefill());
                FormField f = form.field(b.key()).orElseThrow();
                if (value == null) {
                    data.remove(b.key());
                    if (requiring && f.required()) {
                        problems.add(FieldProblem.of("form." + b.key(), "not-in-profile", f.label(), f.labelEn()));
                    }
                } else {
                    data.put(b.key(), value);
                }
            }
        }
        ValidatedForm checked = FormDataValidator.validate(form, data, required);
        problems.addAll(checked.problems());
        return new ValidatedForm(List.copyOf(problems), checked.data());
    }
}
