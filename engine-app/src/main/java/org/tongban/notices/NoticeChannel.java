package org.tongban.notices;

import java.time.Instant;

/**
 * A way out of the platform for notices (the port a mail or SMS gateway implements): told of each notice after the
 * transaction that sent it commits, once per recipient. The notice row is the record; a channel's failure is logged
 * and never undoes it. None is shipped (docs/decisions.md, 41): a deployment adds its gateway as a bean.
 */
public interface NoticeChannel {

    record Delivery(NoticeKind kind, String recipient, String caseNumber, String itemCode, String stepName,
                    String senderName, String message, Instant at) {
    }

    void deliver(Delivery delivery);
}
