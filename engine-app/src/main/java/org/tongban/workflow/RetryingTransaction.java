package org.tongban.workflow;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.DomainException;

/**
 * Runs work and its engine commands in one transaction, retried whole when the engine reports an
 * optimistic-locking conflict or the database a deadlock ({@link TransientConflicts}): when departments
 * complete joint-review tasks at the same moment, the case still advances exactly once.
 */
@Component
public class RetryingTransaction {

    private static final Logger log = LoggerFactory.getLogger(RetryingTransaction.class);
    static final int MAX_ATTEMPTS = 8;

    private final TransactionTemplate tx;

    RetryingTransaction(TransactionTemplate tx) {
        this.tx = tx;
    }

    public <T> T execute(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (!TransientConflicts.isTransient(e)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw DomainException.conflict("concurrent-update");
                }
                log.debug("Concurrent completion, attempt {} retried: {}", attempt, e.getMessage());
                try {
                    Thread.sleep((long) (Math.random() * 10 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw DomainException.conflict("concurrent-update");
                }
            }
        }
    }
}
