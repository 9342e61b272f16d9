package org.tongban.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.Catalogue;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.FormVersion;
import org.tongban.forms.Forms;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.web.CappedBody;

/**
 * Designers' form versions (表单版本) of an item: list, read, check and deploy form-js schemas. A deployed version
 * never changes; running cases keep theirs (docs/forms.md).
 */
@RestController
@RequestMapping("/api/v1/items/{code}/form-versions")
@Tag(name = "Designer (流程设计)")
@PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
class FormVersionController {

    private final Catalogue catalogue;
    private final Forms forms;
    private final ObjectMapper json;

    FormVersionController(Catalogue catalogue, Forms forms, ObjectMapper json) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.json = json;
    }

    /** A version with its schema, for the editor. */
    record FormVersionSchema(String formId, int version, JsonNode schema) {
    }

    /** The outcome of a check: the schema is one the server can enforce. */
    record SchemaCheck(boolean valid, String formId, int fields) {
    }

    @GetMapping
    @Operation(summary = "Deployed versions of the item's form, newest first")
    List<FormVersion> versions(@PathVariable String code) {
        return forms.versions(formOf(code));
    }

    @GetMapping("/latest")
    @Operation(summary = "The latest version with its schema (what new applications use)")
    FormVersionSchema latest(@PathVariable String code) throws IOException {
        return withSchema(forms.require(formOf(code)));
    }

    @GetMapping("/{version}")
    @Operation(summary = "One version with its schema")
    FormVersionSchema version(@PathVariable String code, @PathVariable int version) throws IOException {
        return withSchema(forms.require(formOf(code), version));
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a form-js schema without deploying it: 200, or 400 saying what the server cannot enforce")
    SchemaCheck check(@PathVariable String code, HttpServletRequest request) throws IOException {
        FormDefinition form = forms.check(formOf(code), body(request));
        return new SchemaCheck(true, form.id(), form.fields().size());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deploy the schema as the form's next version (201); the same schema as the latest is not a new version (200)")
    ResponseEntity<FormVersion> deploy(@PathVariable String code, HttpServletRequest request, Actor user) throws IOException {
        String formId = formOf(code);
        int before = forms.versions(formId).stream().mapToInt(FormVersion::version).max().orElse(0);
        FormVersion deployed = forms.deploy(formId, body(request), user.username());
        return ResponseEntity.status(deployed.version() > before ? HttpStatus.CREATED : HttpStatus.OK).body(deployed);
    }

    private String formOf(String code) {
        return catalogue.require(code).form();
    }

    private FormVersionSchema withSchema(FormDefinition form) throws IOException {
        return new FormVersionSchema(form.id(), form.version(), json.readTree(form.schema()));
    }

    /** The request body as UTF-8 text, read with a cap. */
    private static String body(HttpServletRequest request) throws IOException {
        return new String(CappedBody.read(request, Forms.MAX_SCHEMA_BYTES, FormVersionController::tooLarge), StandardCharsets.UTF_8);
    }

    private static DomainException tooLarge() {
        return DomainException.invalid(FieldProblem.of("schema", "form-schema-size", Forms.MAX_SCHEMA_BYTES / 1024));
    }
}
