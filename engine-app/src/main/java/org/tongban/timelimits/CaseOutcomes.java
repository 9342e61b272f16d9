package org.tongban.timelimits;

import java.time.Instant;
import java.util.HashSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseFile;
import org.tongban.cases.CaseGranted;
import org.tongban.cases.CaseRefused;
import org.tongban.cases.Cases;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.timelimits.internal.OutcomeMapper;

/**
 * How each accepted case ended against its clock (tb_case_outcome): working days used, on time or not, fully online
 * (全程网办: it passed no step of the item's {@code inPersonSteps}). Written after the conclusion commits; the
 * statistics fill in what is missing for their period (cases concluded before this table, or a failed delivery).
 */
@Service
public class CaseOutcomes {

    /** At most this many missing outcomes are filled per statistics request; the rest on the next. */
    static final int FILL_LIMIT = 2000;

    private final Cases cases;
    private final Catalogue catalogue;
    private final CaseClocks clocks;
    private final OutcomeMapper mapper;

    CaseOutcomes(Cases cases, Catalogue catalogue, CaseClocks clocks, OutcomeMapper mapper) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.clocks = clocks;
        this.mapper = mapper;
    }

    @ApplicationModuleListener
    public void granted(CaseGranted event) {
        record(event.caseId());
    }

    @ApplicationModuleListener
    public void refused(CaseRefused event) {
        record(event.caseId());
    }

    /** Fills the outcomes missing for cases concluded in [from, to); returns how many it wrote. */
    @Transactional
    public int fill(Instant from, Instant to) {
        int written = 0;
        for (long id : mapper.missing(from, to, FILL_LIMIT)) {
            written += record(id) ? 1 : 0;
        }
        return written;
    }

    private boolean record(long caseId) {
        CaseFile file = cases.fileOf(caseId);
        if (file == null || file.view().acceptedAt() == null || file.view().concludedAt() == null) {
            return false;
        }
        CaseClock clock = clocks.clockOf(file);
        if (clock.remainingWorkingDays() == null) {
            return false; // a calendar year is missing: counted once the administrator enters it
        }
        ServiceItem item = catalogue.require(file.ref().itemCode());
        var inPerson = new HashSet<>(item.inPersonStepKeys());
        boolean online = file.history().stream().map(CaseEvent::stepKey).noneMatch(inPerson::contains);
        int used = clock.statutoryDays() - clock.remainingWorkingDays();
        try {
            mapper.insert(caseId, item.code(), file.view().concludedAt(), used, clock.remainingWorkingDays() >= 0, online);
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
