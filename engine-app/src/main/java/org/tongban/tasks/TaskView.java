package org.tongban.tasks;

import java.time.Instant;
import java.util.List;

/** A task in an approver's queue (待办) or done list (已办). */
public record TaskView(String id, String stepKey, String stepName, String stepKind, String caseNumber,
                       String itemCode, List<String> departments, String assignee, Instant createdAt,
                       Instant completedAt) {
}
