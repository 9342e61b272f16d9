package org.tongban.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * Every file of the hostile corpus ({@code bpmn/hostile/}, each naming in a comment what its refusal must
 * name) is refused over HTTP with a 4xx problem, nothing is deployed and no payload ran (the payloads that
 * would run write /tmp/tongban-pwned-*).
 */
class HostileBpmnCorpusTest extends ApiTestBase {

    private static final Pattern EXPECT = Pattern.compile("The refusal must name: (\\S+) -->");

    static Stream<Resource> corpus() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:bpmn/hostile/*.bpmn20.xml");
        assertThat(files).as("the hostile corpus").hasSizeGreaterThanOrEqualTo(40);
        return Arrays.stream(files).sorted((a, b) -> a.getFilename().compareTo(b.getFilename()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedNamingTheElement(Resource file) throws Exception {
        byte[] bpmn = file.getContentAsByteArray();
        String text = new String(bpmn, java.nio.charset.StandardCharsets.UTF_8);
        Matcher expect = EXPECT.matcher(text);
        assertThat(expect.find()).as("%s says what its refusal must name", file.getFilename()).isTrue();
        int definitions = definitions();
        int deployments = deployments();

        ResponseEntity<JsonNode> response = deploy(bpmn);

        assertThat(response.getStatusCode().value()).as("%s: %s", file.getFilename(), response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = response.getBody().path("errors");
        assertThat(errors.size()).isPositive();
        assertThat(errors.toString()).as(file.getFilename()).contains(expect.group(1));
        for (JsonNode error : errors) {
            assertThat(error.at("/messages/zh-CN").asText()).isNotBlank().doesNotContain("error.field");
            assertThat(error.at("/messages/en").asText()).isNotBlank();
        }
        assertThat(definitions()).as("nothing deployed").isEqualTo(definitions);
        assertThat(deployments()).as("nothing deployed").isEqualTo(deployments);
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tongban-pwned"));
        }
    }

    private ResponseEntity<JsonNode> deploy(byte[] bpmn) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return as("wujun").postForEntity("/api/v1/items/" + FOOD + "/process-versions", new HttpEntity<>(bpmn, headers),
                JsonNode.class);
    }

    private int definitions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_PROCDEF", Integer.class);
    }

    private int deployments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class);
    }
}
