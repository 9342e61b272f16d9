package org.tongban.cases.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseProgress;
import org.tongban.cases.CaseView;
import org.tongban.cases.Cases;
import org.tongban.cases.MaterialUpload;
import org.tongban.cases.SubmittedCase;
import org.tongban.identity.Actor;
import org.tongban.shared.Digests;
import org.tongban.cases.CaseRef;
import org.tongban.shared.DomainException;
import org.tongban.workflow.ProcessDefinitions;
import org.tongban.shared.FieldProblem;

/**
 * Applications (申请/办件). Submission is multipart: a text part {@code application} holding
 * {@code {"itemCode": ..., "form": {...}}} and one file part per material, named by the material code.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases (办件)")
class CaseController {

    /** {@code licenceReferences}: material code → number of a licence issued to the applicant, instead of files. */
    record Application(String itemCode, Map<String, Object> form, Map<String, String> licenceReferences) {
    }

    private final Cases cases;
    private final ObjectMapper json;
    private final IdempotentRequests idempotency;
    private final ProcessDefinitions definitions;

    CaseController(Cases cases, ObjectMapper json, IdempotentRequests idempotency, ProcessDefinitions definitions) {
        this.definitions = definitions;
        this.cases = cases;
        this.json = json;
        this.idempotency = idempotency;
    }

    @PostMapping(path = "/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Submit an application: part 'application' (JSON) plus one file part per material code. "
            + "A retry with the same Idempotency-Key returns the first case, with a freshly issued query code.")
    @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER,
            description = "Optional, 1-128 visible ASCII characters; the first success is replayed for 24 hours")
    ResponseEntity<SubmittedCase> submit(@Parameter(description = "{\"itemCode\": \"FOOD-BUSINESS-LICENCE\", \"form\": {...}}")
                                         @RequestParam("application") String application,
                                         MultipartHttpServletRequest request, Actor user) {
        String key = IdempotentRequests.keyOf(request);
        Application parsed = parse(application);
        if (parsed.itemCode() == null || parsed.itemCode().isBlank()) {
            throw DomainException.invalid(FieldProblem.of("itemCode", "required", "事项编码", "Item code"));
        }
        List<MaterialUpload> materials = materials(request);
        return idempotency.once(user, key, "POST /api/v1/cases", () -> fingerprint(application, materials),
                HttpStatus.CREATED, SubmittedCase.class,
                () -> cases.submit(user, parsed.itemCode(), parsed.form(), materials,
                        parsed.licenceReferences() == null ? Map.of() : parsed.licenceReferences()),
                // the query code is kept only as a hash: a replay issues a fresh one instead of storing it in clear
                first -> new SubmittedCase(first.caseNumber(), null, first.status()),
                first -> cases.reissueQueryCode(user, first.caseNumber(), first.status()));
    }

    @PostMapping(path = "/cases/{caseNumber}/resubmission", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Answer a correction request (补正): changed form fields and replaced materials. "
            + "A retry with the same Idempotency-Key returns the first response.")
    @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER,
            description = "Optional, 1-128 visible ASCII characters; the first success is replayed for 24 hours")
    ResponseEntity<CaseView> resubmit(@PathVariable String caseNumber,
                                      @RequestParam(name = "application", required = false) String application,
                                      MultipartHttpServletRequest request, Actor user) {
        String key = IdempotentRequests.keyOf(request);
        Map<String, Object> changes = application == null ? Map.of() : parse(application).form();
        List<MaterialUpload> materials = materials(request);
        return idempotency.once(user, key, "POST /api/v1/cases/{caseNumber}/resubmission",
                () -> caseNumber + "\n" + fingerprint(application, materials), HttpStatus.OK, CaseView.class,
                () -> cases.resubmit(user, caseNumber, changes, materials));
    }

    record Withdrawal(String reason) {
    }

    @PostMapping(path = "/cases/{caseNumber}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Withdraw one's own case (撤回申请) before it is concluded; optional {\"reason\": \"...\"}")
    CaseView withdraw(@PathVariable String caseNumber, @RequestBody(required = false) Withdrawal withdrawal,
                      Actor user) {
        return cases.withdraw(user, caseNumber, withdrawal == null ? null : withdrawal.reason());
    }

    @GetMapping("/cases")
    @Operation(summary = "My applications, newest first")
    List<CaseView> mine(Actor user) {
        return cases.mine(user);
    }

    @GetMapping("/cases/{caseNumber}")
    @Operation(summary = "One case (its applicant, or approvers of departments involved)")
    CaseView one(@PathVariable String caseNumber, Actor user) {
        return cases.view(user, caseNumber);
    }

    @GetMapping(path = "/cases/{caseNumber}/process", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The BPMN XML of the process version this case runs on (for its diagram); whoever may see the case")
    ResponseEntity<byte[]> process(@PathVariable String caseNumber, Actor user) {
        CaseRef ref = cases.ref(user, caseNumber);
        byte[] xml = definitions.xmlOfInstance(ref.processInstanceId(), () -> cases.processDefinitionId(ref))
                .orElseThrow(() -> DomainException.notFound("case-not-found", caseNumber));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).header("X-Content-Type-Options", "nosniff").body(xml);
    }

    /** The case's form version; {@code schema} is the form-js schema JSON as deployed. */
    record CaseForm(String formId, int version, com.fasterxml.jackson.databind.JsonNode schema) {
    }

    @GetMapping("/cases/{caseNumber}/form")
    @Operation(summary = "The form version this case was submitted with (表单版本), to show and correct its data; whoever may see the case")
    CaseForm form(@PathVariable String caseNumber, Actor user) throws java.io.IOException {
        var form = cases.form(user, caseNumber);
        return new CaseForm(form.id(), form.version(), json.readTree(form.schema()));
    }

    @GetMapping("/cases/{caseNumber}/form-changes")
    @Operation(summary = "Form fields changed at approval steps (tongban:editableAt): who, at which step, the value before "
            + "and after; only fields the caller may see")
    List<org.tongban.cases.FormChange> formChanges(@PathVariable String caseNumber, Actor user) {
        return cases.formChanges(user, caseNumber);
    }

    @GetMapping("/cases/{caseNumber}/history")
    @Operation(summary = "Case history: who, which department, what, when, opinion")
    List<CaseEvent> history(@PathVariable String caseNumber, Actor user) {
        return cases.history(user, caseNumber);
    }

    @GetMapping("/cases/{caseNumber}/materials")
    @Operation(summary = "The case's material files; staff also see files a correction replaced (superseded: true)")
    List<CaseView.MaterialInfo> materials(@PathVariable String caseNumber, Actor user) {
        return cases.materials(user, caseNumber);
    }

    @GetMapping("/cases/{caseNumber}/materials/{materialId}")
    @Operation(summary = "Download a material file (streamed); inline=true shows it in a frame of the web UI (same origin only)")
    ResponseEntity<Resource> material(@PathVariable String caseNumber, @PathVariable long materialId,
                                      @RequestParam(defaultValue = "false") boolean inline, Actor user) throws IOException {
        var download = cases.material(user, caseNumber, materialId);
        var info = download.info();
        var disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        var response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(download.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(info.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff");
        if (inline) {
            // the task page previews PDFs in an <iframe>: only this response may be framed, and only by our own pages;
            // it runs nothing itself (Spring Security keeps headers a response already has)
            response.header("Content-Security-Policy", INLINE_MATERIAL_POLICY).header("X-Frame-Options", "SAMEORIGIN");
        }
        return response.body(new InputStreamResource(download.content().getInputStream()));
    }

    /** The policy of a material shown inline: no scripts, no subresources; framed by same-origin pages only. */
    static final String INLINE_MATERIAL_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            + "object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    @GetMapping("/progress")
    @Operation(summary = "Public progress lookup by case number and query code (no login)")
    CaseProgress progress(@RequestParam String caseNumber, @RequestParam String queryCode) {
        return cases.progress(caseNumber, queryCode);
    }

    /** What makes two submissions the same request: the application JSON (key order aside) and each material's bytes. */
    private String fingerprint(String application, List<MaterialUpload> materials) {
        var text = new StringBuilder();
        try {
            text.append(application == null ? "" : json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(json.readValue(application, Object.class)));
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(FieldProblem.of("application", "malformed-json"));
        }
        var lines = new ArrayList<String>();
        for (MaterialUpload m : materials) {
            try (var in = m.open()) {
                lines.add("\n" + m.code() + "\t" + m.fileName() + "\t" + Digests.sha256(in));
            } catch (IOException e) {
                throw DomainException.invalid(FieldProblem.of("materials." + m.code(), "upload-failed"));
            }
        }
        lines.stream().sorted().forEach(text::append);
        return text.toString();
    }

    private Application parse(String application) {
        try {
            Application parsed = json.readValue(application, Application.class);
            if (parsed == null) {
                throw DomainException.invalid(FieldProblem.of("application", "malformed-json"));
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(FieldProblem.of("application", "malformed-json"));
        }
    }

    private static List<MaterialUpload> materials(MultipartHttpServletRequest request) {
        var uploads = new ArrayList<MaterialUpload>();
        for (var entry : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : entry.getValue()) {
                // streamed from the part (on disk above the multipart threshold), never read whole into memory
                uploads.add(new MaterialUpload(entry.getKey(), file.getOriginalFilename(), file.getContentType(),
                        file.getSize(), file));
            }
        }
        return uploads;
    }
}
