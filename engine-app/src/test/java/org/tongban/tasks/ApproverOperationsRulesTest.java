package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongban.identity.Actor;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTask;

/** Who may do what with a task, as pure rules: the detail's {@code operations} and the refusals agree. */
class ApproverOperationsRulesTest {

    private static final Actor WANG = new Actor("wangfang", "王芳", Set.of(Role.APPROVER), List.of("DQ-SCJG"));
    private static final Actor LIU = new Actor("liuyang", "刘洋", Set.of(Role.APPROVER), List.of("DQ-SCJG"));

    private static WorkTask task(String assignee, String owner, boolean delegated) {
        return new WorkTask("t1", "acceptance", "受理", "acceptance", "p1", assignee, List.of("DQ-SCJG"),
                Instant.EPOCH, null, null, null, owner, delegated, null);
    }

    @Test
    void operationsFollowTheHolder() {
        assertThat(ApproverOperations.available(WANG, task(null, null, false)))
                .containsExactly("claim", "complete", "transfer", "cc");
        assertThat(ApproverOperations.available(WANG, task("wangfang", null, false)))
                .containsExactly("unclaim", "complete", "transfer", "delegate", "cc");
        assertThat(ApproverOperations.available(LIU, task("wangfang", null, false))).containsExactly("cc");
        assertThat(ApproverOperations.available(LIU, task("liuyang", "wangfang", true))).containsExactly("resolve", "cc");
        assertThat(ApproverOperations.available(WANG, task("liuyang", "wangfang", true))).containsExactly("take-back", "cc");
        // after a resolved delegation the owner holds the task again
        assertThat(ApproverOperations.available(WANG, task("wangfang", "wangfang", false)))
                .containsExactly("unclaim", "complete", "transfer", "delegate", "cc");
    }

    @Test
    void onlyTheHolderPasses() {
        assertThatCode(() -> ApproverOperations.requireHolder(WANG, task("wangfang", null, false), false)).doesNotThrowAnyException();
        assertThatCode(() -> ApproverOperations.requireHolder(WANG, task(null, null, false), true)).doesNotThrowAnyException();
        assertRefused(() -> ApproverOperations.requireHolder(WANG, task(null, null, false), false), "task-not-claimed");
        assertRefused(() -> ApproverOperations.requireHolder(LIU, task("wangfang", null, false), true), "task-claimed-by-other");
        assertRefused(() -> ApproverOperations.requireHolder(LIU, task("liuyang", "wangfang", true), true), "task-delegated");
        assertRefused(() -> ApproverOperations.requireHolder(WANG, task("liuyang", "wangfang", true), true), "delegation-pending");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        });
    }
}
