package org.tongban.cluster;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.workflow.ClusterLocks;

/**
 * Resumes after-commit work (licence issuing, case documents, case outcomes) that some node accepted but did not
 * finish: its event stays incomplete in EVENT_PUBLICATION until the listener commits. Regularly one node (a cluster
 * lock) delivers again every publication older than {@code tongban.events.redeliver-after}, so the work of a node
 * killed mid-issue is finished by a survivor, and a lone node's after its restart. The listeners are idempotent
 * (a licence per case, a document per step, an outcome per case). This replaces Spring Modulith's republish on
 * restart, which in a cluster would deliver again, at once, what the other live nodes are working on.
 */
@Component
class EventRedelivery {

    static final String LOCK = "tongban-event-redelivery";
    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final ClusterLocks locks;
    private final Duration after;

    EventRedelivery(IncompleteEventPublications incomplete, ClusterLocks locks,
                    @Value("${tongban.events.redeliver-after:PT2M}") Duration after) {
        this.incomplete = incomplete;
        this.locks = locks;
        this.after = after;
    }

    @Scheduled(initialDelayString = "${tongban.events.redelivery-interval:PT1M}",
            fixedDelayString = "${tongban.events.redelivery-interval:PT1M}")
    void redeliver() {
        try {
            // a sweep takes milliseconds (listeners run on their own threads); 10 minutes means its node died
            locks.runIfFree(LOCK, Duration.ofMinutes(10), () -> incomplete.resubmitIncompletePublicationsOlderThan(after));
        } catch (RuntimeException e) { // the database may be away for a moment: the next sweep tries again
            log.warn("Event redelivery failed: {}", e.toString());
        }
    }
}
