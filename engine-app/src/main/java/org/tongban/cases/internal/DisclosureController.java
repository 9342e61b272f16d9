package org.tongban.cases.internal;

import static org.tongban.shared.QueryParameters.number;
import static org.tongban.shared.QueryParameters.text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.Catalogue;
import org.tongban.identity.Directory;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;

/**
 * 办件公示: concluded decisions (granted, refused, not accepted) listed publicly, newest first, with the applicant's name
 * masked unless it is a legal person's, and no form data, materials or opinions. Public and rate-limited.
 */
@RestController
@Tag(name = "Cases (办件)")
class DisclosureController {

    /** One disclosed decision. */
    record Disclosed(String caseNumber, String itemCode, String itemName, String department, String applicantName,
                     String result, Instant acceptedAt, Instant concludedAt) {
    }

    record Page(List<Disclosed> items, int page, int size, long total) {
    }

    private final DisclosureMapper mapper;
    private final Catalogue catalogue;
    private final Directory directory;

    DisclosureController(DisclosureMapper mapper, Catalogue catalogue, Directory directory) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @GetMapping(path = "/api/v1/disclosure", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "办件公示: concluded decisions, newest first (itemCode filter; page from 0, size 1-50), applicants' "
            + "names masked unless legal persons; public, rate-limited")
    Page disclosure(@RequestParam(required = false) String itemCode, @RequestParam(required = false) String page,
                    @RequestParam(required = false) String size) {
        var problems = new ArrayList<FieldProblem>();
        String item = text("itemCode", itemCode, problems);
        int p = number("page", page, 0, 0, 10_000, problems);
        int s = number("size", size, 20, 1, 50, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        var rows = mapper.page(item, s, (long) p * s);
        var names = directory.disclosedNames(rows.stream().map(DisclosureMapper.DisclosedRow::applicant).distinct().toList());
        var departments = directory.departmentNames();
        List<Disclosed> items = rows.stream().map(r -> {
            var it = catalogue.find(r.itemCode());
            String department = it.map(i -> departments.getOrDefault(i.department(), i.department())).orElse("");
            return new Disclosed(r.caseNumber(), r.itemCode(), it.map(i -> i.name().zh()).orElse(r.itemCode()), department,
                    names.getOrDefault(r.applicant(), "申请人"), r.status(), r.acceptedAt(), r.concludedAt());
        }).toList();
        return new Page(items, p, s, mapper.count(item));
    }
}
