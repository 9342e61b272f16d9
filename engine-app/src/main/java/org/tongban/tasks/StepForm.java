package org.tongban.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a step fills in its case's form (tongban:editableAt): the editable top-level keys and a form-js schema of just
 * those fields, for the approver's page; the values go in {@link ActionRequest#form()} when completing.
 */
public record StepForm(String formId, int version, List<String> editable, JsonNode schema) {
}
