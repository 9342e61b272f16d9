package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tongban.support.ApiTestBase;

/** The signed-in user reaches controllers as an argument, never as a request parameter clients would have to send. */
class OpenApiDescriptionTest extends ApiTestBase {

    @Test
    void theSignedInUserIsNoParameterOfAnyOperation() {
        JsonNode api = rest.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.at("/paths/~1api~1v1~1tasks~1{taskId}~1complete/post").isMissingNode()).isFalse();
        api.get("paths").forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(parameter ->
                assertThat(parameter.path("name").asText()).as(parameter.toString()).isNotIn("user", "actor"))));
        assertThat(api.at("/components/schemas/Actor").isMissingNode()).isTrue();
    }
}
