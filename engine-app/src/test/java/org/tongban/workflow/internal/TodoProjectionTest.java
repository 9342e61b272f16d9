package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.ApiTestBase;

/**
 * The to-do table follows the engine inside its commands: a change the engine rolls back leaves no row behind, and a
 * task field changed without any engine event is still mirrored. (Every API test also ends with the table compared
 * to the engine's tables, ApiTestBase.)
 */
class TodoProjectionTest extends ApiTestBase {

    @Autowired
    ManagementService engine;

    @Test
    void aRolledBackClaimLeavesTheQueueAsItWas() {
        String task = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        assertThatThrownBy(() -> engine.executeCommand(context -> {
            CommandContextUtil.getProcessEngineConfiguration(context).getTaskService().claim(task, "wangfang");
            throw new IllegalStateException("refused after the claim");
        })).hasMessageContaining("refused after the claim");
        assertThat(claimed(task)).isFalse();

        engine.executeCommand(context -> {
            CommandContextUtil.getProcessEngineConfiguration(context).getTaskService().claim(task, "wangfang");
            return null;
        });
        assertThat(claimed(task)).isTrue();
    }

    @Test
    void aTaskChangedWithoutAnEventIsStillMirrored() {
        String task = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        setCategoryDirectly(task, "review"); // as process migration does: the entity's field, no event
        assertThat(jdbc.queryForObject("SELECT category FROM tb_todo_candidate WHERE task_id = ?", String.class, task)).isEqualTo("review");
        setCategoryDirectly(task, "acceptance");
        assertThat(jdbc.queryForObject("SELECT category FROM tb_todo_candidate WHERE task_id = ?", String.class, task)).isEqualTo("acceptance");
    }

    private void setCategoryDirectly(String task, String category) {
        engine.executeCommand(context -> {
            CommandContextUtil.getTaskService(context).getTask(task).setCategory(category);
            return null;
        });
    }

    private boolean claimed(String task) {
        return jdbc.queryForObject("SELECT claimed FROM tb_todo_candidate WHERE task_id = ?", Boolean.class, task);
    }
}
