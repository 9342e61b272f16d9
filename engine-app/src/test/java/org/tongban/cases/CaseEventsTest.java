package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/** Every transition a case makes over HTTP publishes its event, once, in order, committed with the transition. */
class CaseEventsTest extends ApiTestBase {

    @Autowired
    CaseEventRecorder events;

    @Test
    void foodCaseThroughCorrectionToGrantAndAnotherToRefusal() {
        String number = submitFood("zhangwei");
        assertThat(act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", null,
                List.of("布局图未标明仓库位置")).getStatusCode().value()).isEqualTo(204);
        // resubmitting twice: the second is illegal (the case is back at acceptance) and publishes nothing
        assertThat(resubmit(number).getStatusCode().value()).isEqualTo(200);
        var again = resubmit(number);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("code").asText()).isEqualTo("case-not-awaiting-correction");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "AGREE", "符合");
        actOk("liuyang", number, "inspection", "AGREE", "现场核查符合");
        actOk("wangfang", number, "decision", "GRANT", "准予许可");
        assertThat(types(number)).containsExactly(CaseSubmitted.class, CorrectionRequested.class,
                CaseResubmitted.class, CaseAccepted.class, StepCompleted.class, StepCompleted.class, CaseGranted.class);

        List<Object> published = events.of(number);
        long caseId = ((CaseSubmitted) published.get(0)).caseId();
        assertThat(published.get(0)).isInstanceOfSatisfying(CaseSubmitted.class, e -> {
            assertThat(e.applicant()).isEqualTo("zhangwei");
            assertThat(e.itemCode()).isEqualTo(FOOD);
        });
        assertThat(published.get(1)).isInstanceOfSatisfying(CorrectionRequested.class, e -> {
            assertThat(e.actor()).isEqualTo("wangfang");
            assertThat(e.department()).isEqualTo("DQ-SCJG");
        });
        assertThat(published.get(3)).isInstanceOfSatisfying(CaseAccepted.class, e -> assertThat(e.caseId()).isEqualTo(caseId));
        assertThat(published.get(5)).isInstanceOfSatisfying(StepCompleted.class, e -> {
            assertThat(e.stepKey()).isEqualTo("inspection");
            assertThat(e.verdict()).isEqualTo(StepAction.AGREE);
            assertThat(e.actor()).isEqualTo("liuyang");
        });
        assertThat(published.get(6)).isEqualTo(new CaseGranted(caseId, number, FOOD, ((CaseGranted) published.get(6)).grantedAt()));

        String refused = submitFood("zhangwei");
        actOk("wangfang", refused, "acceptance", "ACCEPT", null);
        actOk("wangfang", refused, "review", "DISAGREE", "距离不足");
        actOk("wangfang", refused, "inspection", "DISAGREE", "现场核查不符合要求");
        actOk("wangfang", refused, "decision", "REFUSE", "不符合条件");
        assertThat(types(refused)).containsExactly(CaseSubmitted.class, CaseAccepted.class, StepCompleted.class,
                StepCompleted.class, CaseRefused.class);
        assertThat(events.of(refused).get(2)).extracting("verdict").isEqualTo(StepAction.DISAGREE);
    }

    @Test
    void constructionCaseThroughJointReviewAndAnotherRejectedAtTheWindow() {
        String number = grantedConstruction();
        assertThat(types(number)).containsExactly(CaseSubmitted.class, CaseAccepted.class, StepCompleted.class,
                StepCompleted.class, StepCompleted.class, JointOpinionConsolidated.class, CaseGranted.class);
        assertThat(events.of(number).get(5)).extracting("actor", "department").containsExactly("chenjing", "DQ-ZJJ");
        assertThat(events.of(number).subList(2, 5)).extracting("department")
                .containsExactlyInAnyOrder("DQ-ZRZY", "DQ-XF", "DQ-STHJ");

        String rejected = submitConstruction("lina");
        actOk("chenjing", rejected, "acceptance", "REJECT", "不属于本机关职权范围");
        assertThat(types(rejected)).containsExactly(CaseSubmitted.class, CaseRejected.class);
        // a concluded case makes no further move: its acceptance task is gone, and nothing more is published
        assertThat(caseOf("lina", rejected).get("status").asText()).isEqualTo("REJECTED");
        assertThat(resubmit(rejected, "lina").getStatusCode().value()).isEqualTo(409);
        assertThat(types(rejected)).hasSize(2);
    }

    private List<Class<?>> types(String caseNumber) {
        return events.of(caseNumber).stream().<Class<?>>map(Object::getClass).toList();
    }

    private org.springframework.http.ResponseEntity<JsonNode> resubmit(String number) {
        return resubmit(number, "zhangwei");
    }

    private org.springframework.http.ResponseEntity<JsonNode> resubmit(String number, String applicant) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", Map.of())));
        body.add("LAYOUT_PLAN", file("布局图-修订.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(applicant).exchange("/api/v1/cases/" + number + "/resubmission", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
