package org.tongban.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/** Designers deploy validated BPMN; code, unsafe XML and unknown beans are refused; running cases keep their version. */
class DesignerDeploymentTest extends ApiTestBase {

    private String shippedFood() throws Exception {
        return new String(new org.springframework.core.io.ClassPathResource(
                "content/process-definitions/food-business-licence/process.bpmn20.xml").getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> deploy(String bpmn) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return as("wujun").postForEntity("/api/v1/items/" + FOOD + "/process-versions",
                new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private String rejectedCode(String bpmn) {
        var response = deploy(bpmn);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        return response.getBody().at("/errors/0/code").asText();
    }

    @Test
    void unsafeProcessesAreRejectedWithAClearError() throws Exception {
        String food = shippedFood();
        int versions = as("wujun").getForObject("/api/v1/items/" + FOOD + "/process-versions", JsonNode.class).size();

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + food.substring(food.indexOf("<definitions")).replace("name=\"审查\"", "name=\"&x;\"");
        assertThat(rejectedCode(xxe)).isEqualTo("bpmn-doctype");

        String script = food.replace("<endEvent id=\"rejected\" name=\"不予受理\"/>",
                "<scriptTask id=\"evil\" scriptFormat=\"groovy\"><script>'rm -rf /'.execute()</script></scriptTask>"
                        + "<endEvent id=\"rejected\" name=\"不予受理\"/>");
        assertThat(rejectedCode(script)).isEqualTo("bpmn-element-not-allowed");

        String javaClass = food.replace("<endEvent id=\"rejected\" name=\"不予受理\"/>",
                "<serviceTask id=\"cls\" flowable:class=\"java.lang.Runtime\"/><endEvent id=\"rejected\" name=\"不予受理\"/>");
        assertThat(rejectedCode(javaClass)).isEqualTo("bpmn-service-task");

        String bean = food.replace("<endEvent id=\"rejected\" name=\"不予受理\"/>",
                "<serviceTask id=\"ds\" flowable:delegateExpression=\"${dataSource}\"/><endEvent id=\"rejected\" name=\"不予受理\"/>");
        assertThat(rejectedCode(bean)).isEqualTo("bpmn-bean-not-allowed");

        String beanInCondition = food.replace("${decision == 'GRANT'}", "${cases.toString() == 'x'}");
        assertThat(rejectedCode(beanInCondition)).isEqualTo("bpmn-expression-not-allowed");

        String reflection = food.replace("${decision == 'GRANT'}", "${''.getClass().forName('java.lang.Runtime') != null}");
        assertThat(rejectedCode(reflection)).isEqualTo("bpmn-expression-not-allowed");

        String http = food.replace("<endEvent id=\"rejected\" name=\"不予受理\"/>",
                "<serviceTask id=\"call\" flowable:type=\"http\"/><endEvent id=\"rejected\" name=\"不予受理\"/>");
        assertThat(rejectedCode(http)).isEqualTo("bpmn-element-not-allowed");

        assertThat(rejectedCode(food.replace("flowable:category=\"review\" ", ""))).isEqualTo("bpmn-step-category");
        assertThat(rejectedCode(food.replace("id=\"foodBusinessLicence\"", "id=\"other\""))).isEqualTo("bpmn-process-key");
        assertThat(rejectedCode("<definitions")).isEqualTo("bpmn-malformed");

        var problem = deploy(script).getBody();
        assertThat(problem.at("/errors/0/messages/zh-CN").asText()).contains("evil").contains("ScriptTask");
        assertThat(as("wujun").getForObject("/api/v1/items/" + FOOD + "/process-versions", JsonNode.class)).hasSize(versions);
    }

    @Test
    void aNewVersionServesNewCasesWhileRunningCasesKeepTheirs() throws Exception {
        String running = submitFood("zhangwei");
        String oldDefinition = jdbc.queryForObject("SELECT process_definition_id FROM tb_case WHERE case_number = ?", String.class, running);

        // v2: the on-site inspection step is dropped (e.g. for low-risk food sales)
        String v2 = shippedFood()
                .replace("<sequenceFlow id=\"f7b\" sourceRef=\"inspectionNeeded\" targetRef=\"inspection\"/>",
                        "<sequenceFlow id=\"f7b\" sourceRef=\"inspectionNeeded\" targetRef=\"decision\"/>")
                .replace("<userTask id=\"inspection\" name=\"现场核查\" flowable:category=\"review\" flowable:candidateGroups=\"DQ-SCJG\"/>", "")
                .replace("<sequenceFlow id=\"f8\" sourceRef=\"inspection\" targetRef=\"decision\"/>", "");
        var deployed = deploy(v2);
        assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(201);
        assertThat(deployed.getBody().get("latest").asBoolean()).isTrue();
        assertThat(deployed.getBody().get("processDefinitionId").asText()).isNotEqualTo(oldDefinition);
        // the same content again deploys nothing new
        assertThat(deploy(v2).getBody().get("version").asInt()).isEqualTo(deployed.getBody().get("version").asInt());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'PROCESS_DEPLOYED'", Integer.class)).isPositive();

        String fresh = submitFood("zhangwei");
        assertThat(jdbc.queryForObject("SELECT process_definition_id FROM tb_case WHERE case_number = ?", String.class, fresh))
                .isEqualTo(deployed.getBody().get("processDefinitionId").asText());

        // each case's diagram is its own version's; the guide shows the latest; others' cases stay hidden
        assertThat(as("zhangwei").getForObject("/api/v1/cases/" + running + "/process", String.class)).contains("id=\"inspection\"");
        assertThat(as("wangfang").getForObject("/api/v1/cases/" + running + "/process", String.class)).contains("id=\"inspection\"");
        assertThat(as("zhangwei").getForObject("/api/v1/cases/" + fresh + "/process", String.class))
                .contains("id=\"review\"").doesNotContain("id=\"inspection\"");
        assertThat(rest.getForObject("/api/v1/items/" + FOOD + "/process", String.class)).doesNotContain("id=\"inspection\"");
        assertThat(as("lina").getForEntity("/api/v1/cases/" + running + "/process", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/api/v1/cases/" + running + "/process", String.class).getStatusCode().value()).isEqualTo(401);

        // the running case still walks v1, inspection included
        actOk("wangfang", running, "acceptance", "ACCEPT", null);
        actOk("wangfang", running, "review", "AGREE", null);
        actOk("wangfang", running, "inspection", "AGREE", "现场核查符合要求");
        actOk("wangfang", running, "decision", "GRANT", null);
        // the new case skips it
        actOk("wangfang", fresh, "acceptance", "ACCEPT", null);
        actOk("wangfang", fresh, "review", "AGREE", null);
        actOk("wangfang", fresh, "decision", "GRANT", null);
        assertThat(caseOf("zhangwei", running).get("status").asText()).isEqualTo("GRANTED");
        assertThat(caseOf("zhangwei", fresh).get("status").asText()).isEqualTo("GRANTED");
    }

    /**
     * Restoring the shipped process right after another version makes it the newest again, also within one
     * second on MySQL (Flowable's duplicate filter, ordered by deployment time, took it for a repeat of an older
     * deployment and skipped it); deploying the newest content again adds no version.
     */
    @Test
    void restoringAnEarlierVersionAtOnceMakesItTheNewestAndAnUnchangedUploadAddsNone() throws Exception {
        String shipped = shippedFood();
        String other = shipped.replace("name=\"食品经营许可\"", "name=\"食品经营许可（试行）\"");
        assertThat(other).isNotEqualTo(shipped);
        int first = deploy(other).getBody().get("version").asInt();
        var restored = deploy(shipped);
        assertThat(restored.getStatusCode().value()).isEqualTo(201);
        assertThat(restored.getBody().get("version").asInt()).isEqualTo(first + 1);
        assertThat(deploy(shipped).getBody().get("version").asInt()).as("unchanged content").isEqualTo(first + 1);
        var xml = as("wujun").getForEntity("/api/v1/items/" + FOOD + "/process-versions/" + (first + 1) + "/bpmn", String.class);
        assertThat(xml.getBody()).isEqualTo(shipped);
    }

    /** Whatever a test deployed, the shipped process is the newest version again, so other tests see the original flow. */
    @org.junit.jupiter.api.AfterEach
    void restoreShippedProcess() throws Exception {
        assertThat(deploy(shippedFood()).getStatusCode().value()).isEqualTo(201);
    }
}
