package org.tongban.designer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.Catalogue;
import org.tongban.workflow.ProcessDefinitions;

/** The procedure (办理流程) of an item as BPMN XML, for the public service guide's read-only diagram. */
@RestController
@Tag(name = "Catalogue (事项目录)")
class ProcessDiagramController {

    private final Catalogue catalogue;
    private final ProcessDefinitions definitions;

    ProcessDiagramController(Catalogue catalogue, ProcessDefinitions definitions) {
        this.catalogue = catalogue;
        this.definitions = definitions;
    }

    @GetMapping("/api/v1/items/{code}/process") // no "produces": a refusal stays problem JSON
    @SecurityRequirements
    @Operation(summary = "BPMN 2.0 XML of the item's current (latest deployed) process, read-only; activity ids "
            + "match the stepKey of a case's currentSteps")
    ResponseEntity<byte[]> process(@PathVariable String code) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(definitions.latestXml(catalogue.require(code)));
    }
}
