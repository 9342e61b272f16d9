package org.tongban.forms.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.Catalogue;
import org.tongban.forms.Forms;

/** The application form of an item, as the form-js schema the browser renders (public: it is part of the guide). */
@RestController
@Tag(name = "Catalogue (事项目录)")
class FormController {

    private final Catalogue catalogue;
    private final Forms forms;

    FormController(Catalogue catalogue, Forms forms) {
        this.catalogue = catalogue;
        this.forms = forms;
    }

    @GetMapping(path = "/api/v1/items/{code}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "The item's application form (申请表): the latest version's form-js schema JSON, exactly as "
            + "designed; header X-Form-Version names the version")
    ResponseEntity<String> form(@PathVariable String code) {
        var form = forms.require(catalogue.require(code).form());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Form-Version", String.valueOf(form.version()))
                .body(form.schema());
    }
}
