package org.tongban.notices;

import java.time.Instant;

/** A notice in a recipient's list: what kind, which case, from whom, at which step, the message, read or not. */
public record Notice(long id, NoticeKind kind, String caseNumber, String itemCode, String sender, String senderName,
                     String stepName, String message, Instant createdAt, Instant readAt) {
}
