package org.tongban.cases;

import java.time.Instant;

/**
 * One entry of a case's history: who (and which department) did what, when, with which opinion (or reason);
 * {@code target} names whom an operation acted on (transfer or delegate to, CC to: usernames, comma-separated),
 * else null.
 */
public record CaseEvent(Instant occurredAt, String actor, String actorName, String department, String stepKey,
                        String stepName, StepAction action, String opinion, String target) {

    public CaseEvent(Instant occurredAt, String actor, String actorName, String department, String stepKey,
                     String stepName, StepAction action, String opinion) {
        this(occurredAt, actor, actorName, department, stepKey, stepName, action, opinion, null);
    }
}
