package org.tongban.licences.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.Catalogue;
import org.tongban.forms.Forms;

/**
 * The designer's preview of an item's licence template (证照模板预览): the licence rendered and signed as issued, with
 * each form value shown as its field's label in 〈〉, sample licence data and an all-zero serial — and of its notices
 * (文书模板预览) — nothing stored.
 */
@RestController
@Tag(name = "Designer (流程设计)")
@PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
class LicencePreviewController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Catalogue catalogue;
    private final Forms forms;
    private final LicenceTemplates templates;
    private final LicenceRenderer renderer;
    private final PadesSigner signer;

    private final NoticeIssuer notices;

    LicencePreviewController(Catalogue catalogue, Forms forms, LicenceTemplates templates, LicenceRenderer renderer, PadesSigner signer,
                             NoticeIssuer notices) {
        this.notices = notices;
        this.catalogue = catalogue;
        this.forms = forms;
        this.templates = templates;
        this.renderer = renderer;
        this.signer = signer;
    }

    @GetMapping(path = "/api/v1/items/{code}/licence-preview", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The item's licence template rendered as a signed sample PDF (form values shown as their labels, "
            + "marked 样例 SAMPLE); DESIGNER, ADMIN")
    ResponseEntity<byte[]> preview(@PathVariable String code) {
        var item = catalogue.require(code);
        LicenceTemplate template = templates.require(item.licenceTemplate());
        Calendar now = now();
        byte[] face = render(item, template, now);
        return pdf(template, signer.sign(face, template.department(), template.issuer(), LicenceIssuer.REASON, LicenceRenderer.seal(template), now));
    }

    /**
     * A draft is printed, never signed: its text is the designer's own, and a department's signature over text of
     * anyone's choosing would be a licence in all but name.
     */
    @PostMapping(path = "/api/v1/items/{code}/licence-preview", consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A draft of the item's licence template (YAML, not deployed) printed with sample data as an unsigned PDF "
            + "marked 样例 SAMPLE; 400 at the draft's fields when it could not be deployed; DESIGNER, ADMIN")
    ResponseEntity<byte[]> previewDraft(@PathVariable String code, HttpServletRequest request) throws java.io.IOException {
        var item = catalogue.require(code);
        String draft = LicenceTemplateController.body(request);
        LicenceTemplate template = templates.check(item.licenceTemplate(), draft, item.name().zh(),
                FormPlaceholders.of(forms.require(item.form()).fields()));
        return pdf(template, render(item, template, now()));
    }

    private byte[] render(org.tongban.catalogue.ServiceItem item, LicenceTemplate template, Calendar now) {
        var values = LicenceSamples.values(item.name().zh(), template, FormPlaceholders.of(forms.require(item.form()).fields()));
        return renderer.render(template, template.issuer(), values, template.title().zh() + " 样例 Sample",
                "样例 Sample — " + item.name().zh(), now, Map.of());
    }

    private static Calendar now() {
        Calendar now = Calendar.getInstance(java.util.TimeZone.getTimeZone(CHINA));
        now.setTimeInMillis(System.currentTimeMillis() / 1000 * 1000);
        return now;
    }

    private static ResponseEntity<byte[]> pdf(LicenceTemplate template, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(template.code() + "-sample.pdf").build().toString())
                .body(pdf);
    }

    @GetMapping(path = "/api/v1/items/{code}/notice-preview/{kind}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A notice template (ACCEPTANCE_NOTICE, CORRECTION_NOTICE, REJECTION_DECISION, REFUSAL_DECISION) "
            + "rendered for the item as a sample PDF in its licensing department's name; DESIGNER, ADMIN")
    ResponseEntity<byte[]> noticePreview(@PathVariable String code, @PathVariable org.tongban.licences.DocumentKind kind) {
        byte[] pdf = notices.preview(kind, catalogue.require(code));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(kind.name().toLowerCase(java.util.Locale.ROOT) + "-sample.pdf").build().toString())
                .body(pdf);
    }
}
