package org.tongban.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * What other modellers write — pools, lanes, documentation and annotations that contain {@code ${…}}, groups,
 * data objects and stores, coloured diagram interchange — still imports, and a case runs on it with the text
 * kept as text.
 */
class HarmlessBpmnTest extends ApiTestBase {

    @Autowired
    TaskService taskService;

    @AfterEach
    void restoreShippedProcess() throws Exception {
        assertThat(deploy(new ClassPathResource("content/process-definitions/food-business-licence/process.bpmn20.xml")
                .getContentAsByteArray()).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aModellerExportDeploysAndRunsWithItsTextKeptLiteral() throws Exception {
        byte[] export = new ClassPathResource("bpmn/harmless/modeller-export.bpmn20.xml").getContentAsByteArray();
        ResponseEntity<JsonNode> deployed = deploy(export);
        assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(201);
        assertThat(deployed.getBody().get("latest").asBoolean()).isTrue();

        String caseNumber = submitFood("zhangwei");
        actOk("wangfang", caseNumber, "acceptance", "ACCEPT", null);
        String review = taskOf("wangfang", caseNumber, "review");
        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getDescription())
                .startsWith("核对材料：${''.getClass()");
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tongban-pwned"));
        }
        actOk("wangfang", caseNumber, "review", "AGREE", null);
        actOk("wangfang", caseNumber, "inspection", "AGREE", null);
        actOk("wangfang", caseNumber, "decision", "GRANT", null);
        assertThat(caseOf("zhangwei", caseNumber).get("status").asText()).isEqualTo("GRANTED");
    }

    @Test
    void theSizeLimitHoldsWithoutReadingTheWholeBody() {
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        ResponseEntity<JsonNode> response = deploy(huge);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("bpmn-size");
        String tooBig = new String(huge, StandardCharsets.US_ASCII);
        assertThat(tooBig).hasSize(huge.length); // the request really was over the limit
    }

    private ResponseEntity<JsonNode> deploy(byte[] bpmn) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return as("wujun").postForEntity("/api/v1/items/" + FOOD + "/process-versions", new HttpEntity<>(bpmn, headers),
                JsonNode.class);
    }
}
