package org.tongban.supervision.internal;

import static org.tongban.shared.QueryParameters.date;
import static org.tongban.shared.QueryParameters.label;
import static org.tongban.shared.QueryParameters.number;
import static org.tongban.shared.QueryParameters.option;
import static org.tongban.shared.QueryParameters.text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.audit.AuditLog;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.shared.ChinaTime;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.supervision.Statistics;
import org.tongban.timelimits.DeadlineCard;
import org.tongban.timelimits.DeadlineWarnings;

/** 效能监察: the supervisor's cards on open cases and statistics (SUPERVISOR and ADMIN only). */
@RestController
@Tag(name = "Supervision (效能监察)")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SupervisionController {

    /** The longest period the statistics cover in one request. */
    static final int MAX_PERIOD_DAYS = 732;

    enum Format { CSV, XLSX }

    /** A card with its item's names and responsible department. */
    record WarningLine(DeadlineCard card, String itemNameZh, String itemNameEn, String department) {
    }

    record WarningPage(List<WarningLine> items, int page, int size, long total) {
    }

    private final DeadlineWarnings warnings;
    private final Statistics statistics;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;

    SupervisionController(DeadlineWarnings warnings, Statistics statistics, Catalogue catalogue, AuditLog audit, Clock clock) {
        this.warnings = warnings;
        this.statistics = statistics;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/supervision/warnings")
    @Operation(summary = "Yellow and red cards (黄牌/红牌) of open cases, red first; filters card (YELLOW/RED), itemCode, "
            + "department (the item's responsible department); page from 0, size 1-100 (20)")
    WarningPage warnings(@RequestParam(required = false) String card, @RequestParam(required = false) String itemCode,
                         @RequestParam(required = false) String department, @RequestParam(required = false) String page,
                         @RequestParam(required = false) String size) {
        var problems = new ArrayList<FieldProblem>();
        DeadlineWarnings.Card level = option("card", card, DeadlineWarnings.Card.class, null, problems);
        String item = text("itemCode", itemCode, problems);
        String dept = text("department", department, problems);
        int p = number("page", page, 0, 0, 1_000_000, problems);
        int s = number("size", size, 20, 1, 100, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        List<String> items = null;
        if (item != null || dept != null) {
            items = catalogue.items().stream().filter(i -> item == null || i.code().equals(item))
                    .filter(i -> dept == null || i.department().equals(dept)).map(ServiceItem::code).toList();
            if (items.isEmpty()) {
                return new WarningPage(List.of(), p, s, 0);
            }
        }
        long total = warnings.countOpen(level, items);
        List<WarningLine> lines = total == 0 ? List.of() : warnings.open(level, items, p * s, s).stream().map(c -> {
            var known = catalogue.find(c.itemCode());
            return new WarningLine(c, known.map(i -> i.name().zh()).orElse(c.itemCode()),
                    known.map(i -> i.name().en()).orElse(c.itemCode()), known.map(ServiceItem::department).orElse(null));
        }).toList();
        return new WarningPage(lines, p, s, total);
    }

    @GetMapping("/api/v1/supervision/statistics")
    @Operation(summary = "Statistics of a period (from, to: dates, both included, China time; default this month) per "
            + "ITEM or DEPARTMENT (by), with the total")
    Statistics.Report statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String by) {
        return report(from, to, by, new ArrayList<>());
    }

    @GetMapping("/api/v1/supervision/statistics/export")
    @org.springframework.transaction.annotation.Transactional // the export is audited
    @Operation(summary = "The same statistics as a file: format csv or xlsx (default); column names in the request's language")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String by, @RequestParam(required = false) String format,
                                  Actor user) throws IOException {
        var problems = new ArrayList<FieldProblem>();
        String kind = option("format", format, Format.class, Format.XLSX, problems).name().toLowerCase(Locale.ROOT);
        Statistics.Report report = report(from, to, by, problems);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        byte[] body = kind.equals("csv") ? StatisticsExport.csv(report, en) : StatisticsExport.xlsx(report, en);
        String name = "tongban-statistics-" + report.by().name().toLowerCase(Locale.ROOT) + "-" + report.from() + "-"
                + report.to() + "." + kind;
        audit.record(user.username(), "STATISTICS_EXPORTED", name, report.rows().size() + " rows");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(kind.equals("csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private Statistics.Report report(String from, String to, String by, List<FieldProblem> problems) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        LocalDate start = date("from", from, today.withDayOfMonth(1), problems);
        LocalDate end = date("to", to, today, problems);
        Statistics.By grouping = option("by", by, Statistics.By.class, Statistics.By.ITEM, problems);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(FieldProblem.of("to", "before-from", label("to"), label("to"), start));
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_PERIOD_DAYS) {
                problems.add(FieldProblem.of("to", "period-too-long", label("to"), label("to"), MAX_PERIOD_DAYS));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return statistics.report(start, end, grouping);
    }
}
