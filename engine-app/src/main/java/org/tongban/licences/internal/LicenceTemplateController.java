package org.tongban.licences.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Parameter;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.forms.Forms;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.web.CappedBody;

/**
 * Designers' licence template versions (证照模板版本) of an item: read, check and deploy the YAML template its
 * licences print (docs/licences.md). A deployed version never changes; licences record the version they printed.
 */
@RestController
@RequestMapping("/api/v1/items/{code}/licence-template")
@Tag(name = "Designer (流程设计)")
@PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
class LicenceTemplateController {

    private final Catalogue catalogue;
    private final Forms forms;
    private final LicenceTemplates templates;

    LicenceTemplateController(Catalogue catalogue, Forms forms, LicenceTemplates templates) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.templates = templates;
    }

    /** A version with its text, for the editor; {@code placeholders} are what its values may name. */
    record TemplateText(String templateCode, int version, String yaml, List<String> placeholders) {
    }

    /** The outcome of a check: the template can be deployed. */
    record TemplateCheck(boolean valid, String templateCode, int fields) {
    }

    @GetMapping
    @Operation(summary = "The latest version with its YAML (what new licences, renewals and amendments print)")
    TemplateText latest(@PathVariable String code) {
        ServiceItem item = catalogue.require(code);
        return text(item, templates.latestVersion(item.licenceTemplate()));
    }

    @GetMapping("/versions")
    @Operation(summary = "Deployed versions of the item's licence template, newest first")
    List<LicenceTemplateVersion> versions(@PathVariable String code) {
        return templates.versions(catalogue.require(code).licenceTemplate());
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One version with its YAML")
    TemplateText version(@PathVariable String code, @PathVariable int version) {
        return text(catalogue.require(code), version);
    }

    @PostMapping(path = "/check", consumes = {"application/yaml", "text/yaml", "text/plain"})
    @Operation(summary = "Check a template (YAML) without deploying it: 200, or 400 with each problem at its field")
    TemplateCheck check(@PathVariable String code, HttpServletRequest request) throws IOException {
        ServiceItem item = catalogue.require(code);
        LicenceTemplate checked = templates.check(item.licenceTemplate(), body(request), item.name().zh(), formLabels(item));
        return new TemplateCheck(true, checked.code(), checked.fields().size());
    }

    @PostMapping(consumes = {"application/yaml", "text/yaml", "text/plain"})
    @Operation(summary = "Deploy the template (YAML) as its next version (201); the same text as the latest is not a new version (200)")
    ResponseEntity<LicenceTemplateVersion> deploy(@PathVariable String code, HttpServletRequest request, Actor user,
            @Parameter(description = "the version the text was edited from: 409 when another has been deployed since")
            @RequestParam(required = false) Integer baseVersion) throws IOException {
        ServiceItem item = catalogue.require(code);
        String text = body(request);
        int before = templates.latestVersion(item.licenceTemplate());
        LicenceTemplateVersion deployed = templates.deploy(item.licenceTemplate(), text, item.name().zh(), formLabels(item), user.username(), baseVersion);
        return ResponseEntity.status(deployed.version() > before ? HttpStatus.CREATED : HttpStatus.OK).body(deployed);
    }

    private TemplateText text(ServiceItem item, int version) {
        String code = item.licenceTemplate();
        String yaml = version == 0 ? null : templates.text(code, version);
        var placeholders = new java.util.ArrayList<String>();
        formLabels(item).keySet().forEach(key -> placeholders.add("form." + key));
        return new TemplateText(code, version, yaml, placeholders);
    }

    private java.util.Map<String, String> formLabels(ServiceItem item) {
        return FormPlaceholders.of(forms.require(item.form()).fields());
    }

    /** The request body as UTF-8 text, read with a cap. */
    static String body(HttpServletRequest request) throws IOException {
        return new String(CappedBody.read(request, LicenceTemplates.MAX_TEMPLATE_BYTES, () -> DomainException.invalid(
                FieldProblem.of("template", "template-size", LicenceTemplates.MAX_TEMPLATE_BYTES / 1024))), StandardCharsets.UTF_8);
    }
}
