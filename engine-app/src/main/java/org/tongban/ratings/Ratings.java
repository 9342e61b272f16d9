package org.tongban.ratings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.calendar.WorkingCalendar;
import org.tongban.cases.CaseRef;
import org.tongban.cases.CaseView;
import org.tongban.cases.Cases;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.ratings.internal.RatingMapper;
import org.tongban.ratings.internal.RatingMapper.RatingRow;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;

/** 好差评: rating a concluded case once, following up bad ratings, and the public aggregates. */
@Service
public class Ratings {

    private final RatingMapper mapper;
    private final Cases cases;
    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final int followUpDays;

    Ratings(RatingMapper mapper, Cases cases, Catalogue catalogue, WorkingCalendar calendar, Directory directory, AuditLog audit,
            Clock clock, @Value("${tongban.ratings.follow-up-working-days:15}") int followUpDays) {
        this.mapper = mapper;
        this.cases = cases;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.followUpDays = followUpDays;
    }

    /**
     * The applicant rates their concluded case, once: level 1–5, reasons that fit the level (praise for 3–5,
     * complaints for 1–2; a bad rating needs at least one), an optional comment. A bad rating gets a follow-up
     * deadline of {@code tongban.ratings.follow-up-working-days} working days for the item's department. 403 for
     * anyone but the applicant, 409 {@code case-not-concluded} / {@code rating-exists}; audited.
     */
    @Transactional
    public Rating rate(Actor user, String caseNumber, Integer level, List<RatingReason> reasons, String comment) {
        CaseView view = cases.view(user, caseNumber);
        CaseRef ref = cases.ref(user, caseNumber);
        if (!ref.applicant().equals(user.username())) {
            throw DomainException.forbidden("rating-applicant-only", caseNumber);
        }
        var problems = new ArrayList<FieldProblem>();
        if (level == null || level < 1 || level > 5) {
            problems.add(FieldProblem.of("level", level == null ? "required" : "bad-value", "评价等级", "Rating"));
        }
        // a mutable copy: List.copyOf and its contains(null) throw on nulls, which a client may send
        List<RatingReason> why = reasons == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(reasons));
        if (why.contains(null)) {
            problems.add(FieldProblem.of("reasons", "bad-value", "评价原因", "Reasons"));
        } else if (level != null && level >= 1 && level <= 5) {
            boolean bad = level <= 2;
            if (bad && why.isEmpty()) {
                problems.add(FieldProblem.of("reasons", "rating-reason-required"));
            }
            why.stream().filter(r -> r.praise() == bad).findFirst()
                    .ifPresent(r -> problems.add(FieldProblem.of("reasons", "rating-reason-mismatch", r.name())));
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > 500 || !PlainText.isPlain(text, true)) {
            problems.add(FieldProblem.of("comment", "bad-value", "评价内容", "Comment"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (view.concludedAt() == null) {
            throw DomainException.conflict("case-not-concluded", caseNumber);
        }
        ServiceItem item = catalogue.require(ref.itemCode());
        var row = new RatingRow();
        row.caseId = ref.id();
        row.itemCode = item.code();
        row.department = item.department();
        row.applicant = user.username();
        row.ratingLevel = level;
        row.reasons = String.join(",", why.stream().map(Enum::name).toList());
        row.commentText = text.isEmpty() ? null : text;
        row.ratedAt = clock.instant();
        row.followUpDue = level <= 2 ? followUpDue(LocalDate.now(clock)) : null;
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException again) {
            throw DomainException.conflict("rating-exists", caseNumber);
        }
        audit.record(user.username(), "CASE_RATED", caseNumber, "level " + level + "; " + row.reasons);
        return rating(user, caseNumber);
    }

    /** The follow-up deadline, or none while the calendar lacks the year (the department is still told to answer). */
    private LocalDate followUpDue(LocalDate today) {
        try {
            return calendar.addWorkingDays(today, followUpDays);
        } catch (DomainException calendarMissing) {
            return null;
        }
    }

    /** The case's rating and its response, for whoever may see the case; 404 {@code rating-not-found} before it is rated. */
    public Rating rating(Actor user, String caseNumber) {
        CaseRef ref = cases.ref(user, caseNumber);
        RatingRow row = mapper.byCase(ref.id());
        if (row == null) {
            throw DomainException.notFound("rating-not-found", caseNumber);
        }
        return rating(row);
    }

    /** Bad ratings of the approver's departments to follow up (open only, or all), open ones first by due date. */
    public List<Rating> followUps(Actor approver, boolean openOnly) {
        if (!approver.has(Role.APPROVER) || approver.departments().isEmpty()) {
            throw DomainException.forbidden("rating-follow-up-not-allowed", approver.username());
        }
        return mapper.followUps(List.copyOf(approver.departments()), openOnly).stream().map(this::rating).toList();
    }

    /** An approver of the rating's department answers a bad rating, once (409 {@code rating-answered}); audited. */
    @Transactional
    public Rating respond(Actor approver, long id, String response) {
        RatingRow row = mapper.byId(id);
        if (row == null || row.ratingLevel > 2 || !approver.has(Role.APPROVER) || !approver.inDepartment(row.department)) {
            throw DomainException.notFound("rating-not-found", id);
        }
        String text = response == null ? "" : response.strip();
        if (text.isEmpty() || text.length() > 1000 || !PlainText.isPlain(text, true)) {
            throw DomainException.invalid(FieldProblem.of("response", text.isEmpty() ? "required" : "bad-value", "整改答复", "Response"));
        }
        if (mapper.respond(id, text, approver.username(), clock.instant()) == 0) {
            throw DomainException.conflict("rating-answered", row.caseNumber);
        }
        audit.record(approver.username(), "RATING_ANSWERED", row.caseNumber, text.length() > 200 ? text.substring(0, 200) : text);
        return rating(mapper.byId(id));
    }

    /** The public aggregates per item and per department (names in Chinese). */
    public RatingSummary summary() {
        Map<String, String> departments = directory.departmentNames();
        return new RatingSummary(rows(mapper.byItem(), code -> catalogue.find(code).map(i -> i.name().zh()).orElse(code)),
                rows(mapper.byDepartment(), code -> departments.getOrDefault(code, code)));
    }

    private static List<RatingSummary.Row> rows(List<RatingMapper.Tally> tallies, Function<String, String> name) {
        var byKey = new LinkedHashMap<String, long[]>(); // levels 1..5, then answered bad ratings
        for (RatingMapper.Tally t : tallies) {
            long[] counts = byKey.computeIfAbsent(t.tallyKey(), k -> new long[6]);
            counts[t.level() - 1] += t.ratings();
            if (t.level() <= 2) {
                counts[5] += t.answered();
            }
        }
        var rows = new ArrayList<RatingSummary.Row>();
        byKey.forEach((key, counts) -> {
            long[] levels = Arrays.copyOf(counts, 5);
            long total = Arrays.stream(levels).sum();
            double sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += (i + 1) * levels[i];
            }
            rows.add(new RatingSummary.Row(key, name.apply(key), total, Math.round(sum / total * 100) / 100.0, levels,
                    levels[0] + levels[1], counts[5]));
        });
        rows.sort(java.util.Comparator.comparing(RatingSummary.Row::code));
        return rows;
    }

    private Rating rating(RatingRow row) {
        List<RatingReason> reasons = row.reasons == null || row.reasons.isBlank() ? List.of()
                : Arrays.stream(row.reasons.split(",")).map(RatingReason::valueOf).toList();
        return new Rating(row.id, row.caseNumber, row.itemCode, row.department, row.ratingLevel, reasons, row.commentText,
                row.ratedAt, row.followUpDue, row.response, row.respondedBy == null ? null : directory.displayName(row.respondedBy),
                row.respondedAt);
    }
}
