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
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;

/** The application form of an item, as the form-js schema the browser renders (public: it is part of the guide). */
@RestController
@Tag(name = "Catalogue (事项目录)")
class FormController {

    private final Catalogue catalogue;
    private final Forms forms;
    private final Directory directory;

    FormController(Catalogue catalogue, Forms forms, Directory directory) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.directory = directory;
    }

    @GetMapping(path = "/api/v1/items/{code}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "The item's application form (申请表): the latest version's form-js schema JSON as the applicant "
            + "fills it — fields filled by staff at later steps left out, fields prefilled from the signed-in applicant's "
            + "verified profile read-only with its value; header X-Form-Version names the version")
    ResponseEntity<String> form(@PathVariable String code, Actor user) {
        var form = forms.require(catalogue.require(code).form());
        var profile = user == null ? null : directory.verifiedProfile(user.username());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Form-Version", String.valueOf(form.version()))
                .cacheControl(org.springframework.http.CacheControl.noStore()) // differs per signed-in applicant
                .body(forms.applySchema(form, profile));
    }
}
