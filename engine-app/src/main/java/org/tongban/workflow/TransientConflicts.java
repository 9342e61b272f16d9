package org.tongban.workflow;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Recognises failures that a retry of the whole transaction cures: the engine's optimistic-locking conflict
 * and the database's deadlock / lock-wait rollbacks (SQLState class 40), however deeply they are wrapped.
 * MySQL reports deadlocks on concurrent multi-instance completions that Flowable does not translate.
 */
public final class TransientConflicts {

    private TransientConflicts() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FlowableOptimisticLockingException || t instanceof ConcurrencyFailureException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
