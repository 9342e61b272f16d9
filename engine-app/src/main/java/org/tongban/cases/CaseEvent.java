package org.tongban.cases;

import java.time.Instant;

/** One entry of a case's history: who (and which department) did what, when, with which opinion. */
public record CaseEvent(Instant occurredAt, String actor, String actorName, String department, String stepKey,
                        String stepName, StepAction action, String opinion) {
}
