package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.ApiTestBase;

/**
 * What a node of a release without the to-do table leaves behind during a rolling upgrade (a task it created, one it
 * claimed, one it completed) is put right by the next node's start-up repair; ApiTestBase then finds the table equal
 * to the engine's tasks.
 */
class TodoRepairTest extends ApiTestBase {

    @Autowired
    TodoRepair repair;

    @Test
    void repairPutsBackWhatAnOldNodeLeft() {
        String created = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        String claimed = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        jdbc.update("DELETE FROM tb_todo_candidate WHERE task_id = ?", created);
        jdbc.update("UPDATE tb_todo_candidate SET claimed = TRUE WHERE task_id = ?", claimed);
        jdbc.update("INSERT INTO tb_todo_candidate (task_id, department, claimed, category, created_at, due_at) VALUES "
                + "('completed-by-an-old-node', 'DQ-SCJG', FALSE, 'acceptance', ?, NULL)", Timestamp.from(Instant.now().minus(Duration.ofDays(2))));
        assertThat(todoTotal()).isEqualTo(rowsOf("DQ-SCJG"));

        int[] repaired = repair.repair(Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(repaired).containsExactly(2, 2); // the stale row and the outdated one out; the missing one and the outdated one in
        assertThat(jdbc.queryForObject("SELECT claimed FROM tb_todo_candidate WHERE task_id = ?", Boolean.class, claimed)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_todo_candidate WHERE task_id = ?", Long.class, created)).isEqualTo(1);
        assertThat(repair.repair(Instant.now().plus(Duration.ofMinutes(1)))).containsExactly(0, 0);
    }

    @Test
    void aRowOfTheLastMinuteIsLeftToTheNodeThatWroteIt() {
        jdbc.update("INSERT INTO tb_todo_candidate (task_id, department, claimed, category, created_at, due_at) VALUES "
                + "('just-created-elsewhere', 'DQ-SCJG', FALSE, 'acceptance', ?, NULL)", Timestamp.from(Instant.now()));
        assertThat(repair.repair(Instant.now().minus(Duration.ofMinutes(1)))).containsExactly(0, 0);
        assertThat(repair.repair(Instant.now().plus(Duration.ofMinutes(1)))).containsExactly(1, 0);
    }

    private long todoTotal() {
        return as("wangfang").getForObject("/api/v1/tasks?size=1", com.fasterxml.jackson.databind.JsonNode.class).path("total").asLong();
    }

    private long rowsOf(String department) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_todo_candidate WHERE department = ? AND claimed = FALSE", Long.class, department)
                + jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ = 'wangfang' OR OWNER_ = 'wangfang'", Long.class);
    }
}
