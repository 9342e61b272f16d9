package org.tongban.tasks;

import java.time.Instant;
import java.util.List;

/** An open task in an approver's queue (待办); {@code dueDate} is null until steps carry deadlines. */
public record TaskView(String id, String stepKey, String stepName, String stepKind, String caseNumber,
                       String itemCode, List<String> departments, String assignee, Instant createdAt,
                       Instant dueDate) {
}
