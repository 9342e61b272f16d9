package org.tongban.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Directory;
import org.tongban.shared.LocalizedText;

/** Departments (部门) by code and name: public, as every service guide names its departments. */
@RestController
@Tag(name = "Catalogue (事项目录)")
class DepartmentController {

    record DepartmentInfo(String code, LocalizedText name) {
    }

    private final Directory directory;

    DepartmentController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/departments")
    @SecurityRequirements
    @Operation(summary = "Departments: code (as in items, tasks and case history) and name in zh-CN and en")
    List<DepartmentInfo> departments() {
        return directory.departments().stream()
                .map(d -> new DepartmentInfo(d.code(), new LocalizedText(d.nameZh(), d.nameEn()))).toList();
    }
}
