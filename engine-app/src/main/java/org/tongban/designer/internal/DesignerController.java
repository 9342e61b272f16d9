package org.tongban.designer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.catalogue.Catalogue;
import org.tongban.designer.ProcessDeployments;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.web.CappedBody;
import org.tongban.workflow.ProcessDefinitions;
import org.tongban.workflow.ProcessVersion;

/** Process designers (流程设计人员) deploy new, validated BPMN versions of an item. */
@RestController
@RequestMapping("/api/v1/items/{code}/process-versions")
@Tag(name = "Designer (流程设计)")
@PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
class DesignerController {

    private final Catalogue catalogue;
    private final ProcessDeployments deployments;

    DesignerController(Catalogue catalogue, ProcessDeployments deployments) {
        this.catalogue = catalogue;
        this.deployments = deployments;
    }

    @GetMapping
    @Operation(summary = "Deployed versions of an item's process, newest first")
    List<ProcessVersion> versions(@PathVariable String code) {
        return deployments.versions(catalogue.require(code));
    }

    @GetMapping("/{version}/bpmn") // no "produces": a refusal stays problem JSON
    @Operation(summary = "BPMN 2.0 XML of one deployed version (for the designer studio's modeler and download)")
    ResponseEntity<byte[]> versionXml(@PathVariable String code, @PathVariable int version) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(code + "-v" + version + ".bpmn20.xml").build().toString())
                .body(deployments.versionXml(catalogue.require(code), version));
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy a new BPMN version (request body is the BPMN XML)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "BPMN 2.0 XML, at most 1 MB")
    ProcessVersion deployXml(@PathVariable String code, HttpServletRequest request, Actor user)
            throws IOException {
        var item = catalogue.require(code);
        byte[] bpmn = CappedBody.read(request, ProcessDefinitions.MAX_BYTES, DesignerController::tooLarge);
        return deployments.deploy(item, bpmn, user.username());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy a new BPMN version (multipart part 'file')")
    ProcessVersion deployFile(@PathVariable String code, @RequestPart("file") MultipartFile file,
                              Actor user) throws IOException {
        var item = catalogue.require(code);
        if (file.getSize() > ProcessDefinitions.MAX_BYTES) {
            throw tooLarge();
        }
        return deployments.deploy(item, file.getBytes(), user.username());
    }

    private static DomainException tooLarge() {
        return DomainException.invalid(FieldProblem.of("bpmn", "bpmn-size", ProcessDefinitions.MAX_BYTES / 1024));
    }
}
