package org.tongban.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.tongban.support.ApiTestBase;

/** GET /items/{code}/process-versions/{version}/bpmn: the XML of each deployed version, for designers and admins only. */
class ProcessVersionXmlTest extends ApiTestBase {

    private String path(String item, Object version) {
        return "/api/v1/items/" + item + "/process-versions/" + version + "/bpmn";
    }

    @Test
    void designersReadTheXmlOfEachVersion() {
        JsonNode versions = as("wujun").getForObject("/api/v1/items/" + FOOD + "/process-versions", JsonNode.class);
        int latest = versions.get(0).get("version").asInt();
        var current = as("wujun").getForEntity(path(FOOD, latest), String.class);
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        assertThat(current.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(current.getHeaders().getContentDisposition().getFilename()).isEqualTo(FOOD + "-v" + latest + ".bpmn20.xml");
        assertThat(current.getBody()).contains("id=\"foodBusinessLicence\"");
        assertThat(current.getBody()).isEqualTo(rest.getForObject("/api/v1/items/" + FOOD + "/process", String.class));

        // a new version with a renamed step: the new one has the new name, the old one keeps the old
        String renamed = current.getBody().replace("name=\"审查\"", "name=\"材料审查\"");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        var deployed = as("admin").postForEntity("/api/v1/items/" + FOOD + "/process-versions",
                new HttpEntity<>(renamed.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
        assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(201);
        int next = deployed.getBody().get("version").asInt();
        assertThat(next).isEqualTo(latest + 1);
        assertThat(as("admin").getForObject(path(FOOD, next), String.class)).contains("name=\"材料审查\"");
        assertThat(as("wujun").getForObject(path(FOOD, latest), String.class)).contains("name=\"审查\"").doesNotContain("材料审查");
    }

    @Test
    void missingVersionsAndOtherRolesAreRefused() {
        var missing = as("wujun").getForEntity(path(FOOD, 9999), JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(missing.getBody().get("code").asText()).isEqualTo("process-version-not-found");
        assertThat(as("wujun").getForEntity(path("NO-SUCH-ITEM", 1), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("wujun").getForEntity(path(FOOD, "abc"), JsonNode.class).getStatusCode().value()).isEqualTo(400);
        for (String user : List.of("zhangwei", "wangfang", "zhengli")) {
            assertThat(as(user).getForEntity(path(FOOD, 1), JsonNode.class).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(rest.getForEntity(path(FOOD, 1), JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }
}
