package org.tongban.cases.internal;

import static org.tongban.shared.QueryParameters.number;
import static org.tongban.shared.QueryParameters.text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseSummary;
import org.tongban.catalogue.Catalogue;
import org.tongban.identity.Directory;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.QueryParameters;

/** Supervision (办件监管): supervisors and admins list every case, read-only, filtered and paged. */
@RestController
@Tag(name = "Cases (办件)")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class OversightController {

    /** One page of the list: its items, the page asked for (0-based), its size and how many cases match in all. */
    record Page(List<CaseSummary> items, int page, int size, long total) {
    }

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 1_000_000;

    private final OversightMapper mapper;
    private final Catalogue catalogue;
    private final Directory directory;

    OversightController(OversightMapper mapper, Catalogue catalogue, Directory directory) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    /** Parameters arrive as text so that each bad value becomes a field problem of its own. */
    @GetMapping("/api/v1/supervision/cases")
    @Operation(summary = "All cases (SUPERVISOR/ADMIN), newest first; filters itemCode, department (has or had a step "
            + "in the case), status; page from 0, size 1-100 (20)")
    Page cases(@RequestParam(required = false) String itemCode, @RequestParam(required = false) String department,
               @RequestParam(required = false) String status, @RequestParam(required = false) String page,
               @RequestParam(required = false) String size) {
        var problems = new ArrayList<FieldProblem>();
        String item = text("itemCode", itemCode, problems);
        String dept = text("department", department, problems);
        CaseStatus state = QueryParameters.option("status", status, CaseStatus.class, null, problems);
        int p = number("page", page, 0, 0, MAX_PAGE, problems);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        String stateName = state == null ? null : state.name();
        long total = mapper.count(item, stateName, dept);
        var names = new HashMap<String, String>();
        List<CaseSummary> items = total == 0 ? List.of() : mapper.cases(item, stateName, dept, p * s, s).stream().map(row -> {
            var known = catalogue.find(row.itemCode);
            return new CaseSummary(row.caseNumber, row.itemCode, known.map(i -> i.name().zh()).orElse(row.itemCode),
                    known.map(i -> i.name().en()).orElse(row.itemCode), row.caseStatus(), row.applicant,
                    names.computeIfAbsent(row.applicant, directory::displayName), row.submittedAt, row.concludedAt);
        }).toList();
        return new Page(items, p, s, total);
    }




}
