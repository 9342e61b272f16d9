package org.tongban.notices.internal;

import static org.tongban.shared.QueryParameters.number;
import static org.tongban.shared.QueryParameters.present;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.notices.Notice;
import org.tongban.notices.NoticeKind;
import org.tongban.notices.NoticePage;
import org.tongban.notices.Notices;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.QueryParameters;

/** Staff's notices: the CC list (抄送给我的) and every notice (urges and copies); each marked read by its recipient. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notices (催办/抄送)")
@PreAuthorize("hasAnyRole('APPROVER', 'SUPERVISOR', 'ADMIN', 'DESIGNER')")
class NoticeController {

    private static final int MAX_SIZE = 100;
    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/cc")
    @Operation(summary = "My CC list (抄送给我的): cases copied to me, newest first; unread=true|false; page from 0, size 1-100 (20)")
    NoticePage cc(@RequestParam(required = false) String unread, @RequestParam(required = false) String page,
                  @RequestParam(required = false) String size, Actor user) {
        return list(user, NoticeKind.CC, unread, page, size);
    }

    @PostMapping("/cc/{id}/read")
    @Operation(summary = "Mark a copy to me read")
    Notice ccRead(@PathVariable long id, Actor user) {
        return notices.markRead(user, id, NoticeKind.CC);
    }

    @GetMapping("/notices")
    @Operation(summary = "My notices: urges (催办) of cases I hold, copies (抄送) to me and deadline warnings (预警: "
            + "message 'YELLOW|RED <deadline>'), newest first; kind=URGE|CC|WARNING, unread=true|false; page from 0, size 1-100 (20)")
    NoticePage all(@RequestParam(required = false) String kind, @RequestParam(required = false) String unread,
                   @RequestParam(required = false) String page, @RequestParam(required = false) String size, Actor user) {
        var problems = new ArrayList<FieldProblem>();
        NoticeKind k = QueryParameters.option("kind", kind, NoticeKind.class, null, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return list(user, k, unread, page, size);
    }

    @PostMapping("/notices/{id}/read")
    @Operation(summary = "Mark a notice to me read")
    Notice read(@PathVariable long id, Actor user) {
        return notices.markRead(user, id, null);
    }

    private NoticePage list(Actor user, NoticeKind kind, String unread, String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        Boolean onlyUnread = null;
        if (present(unread)) {
            switch (unread.strip()) {
                case "true" -> onlyUnread = true;
                case "false" -> onlyUnread = false;
                default -> problems.add(FieldProblem.of("unread", "not-an-option", QueryParameters.label("unread"),
                        QueryParameters.label("unread"), List.of("true", "false")));
            }
        }
        int p = number("page", page, 0, 0, 1_000_000, problems);
        int s = number("size", size, 20, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return notices.list(user, kind, onlyUnread, p, s);
    }
}
