package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.jobexecutor.BpmnHistoryCleanupJobHandler;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.ApiTestBase;

/**
 * History cleaning of the engine's tables (docs/scale.md): on, for process instances that ended more than a year ago,
 * by a nightly engine job. A cleaned case keeps its own record, and its page still shows its diagram: the version is
 * read from the case (tb_case.process_definition_id) once the engine's ACT_HI_PROCINST row is gone.
 */
class HistoryCleaningTest extends ApiTestBase {

    @Autowired
    SpringProcessEngineConfiguration engine;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void engineHistoryIsCleanedAfterAYear() {
        assertThat(engine.isEnableHistoryCleaning()).isTrue();
        assertThat(engine.getCleanInstancesEndedAfter()).isEqualTo(Duration.ofDays(365));
        assertThat(engine.getHistoryCleaningTimeCycleConfig()).isEqualTo("0 0 1 * * ?");
        assertThat(management.createTimerJobQuery().handlerType(BpmnHistoryCleanupJobHandler.TYPE).count()).isEqualTo(1);
    }

    @Test
    void aCleanedCaseStillShowsItsDiagramAndHistory() {
        String number = grantedFood();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, number);
        // what the cleaning job does to an instance that ended more than a year ago
        history.deleteHistoricProcessInstance(instance);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();

        var diagram = as("zhangwei").getForEntity("/api/v1/cases/" + number + "/process", String.class);
        assertThat(diagram.getStatusCode().value()).isEqualTo(200);
        assertThat(diagram.getBody()).contains("foodBusinessLicence");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("GRANTED");
        assertThat(as("wangfang").getForObject("/api/v1/cases/" + number + "/history", com.fasterxml.jackson.databind.JsonNode.class).size())
                .isGreaterThanOrEqualTo(5);
    }
}
