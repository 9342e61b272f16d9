package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.tongban.support.ApiTestBase;

/**
 * The task page previews a PDF material in an iframe: with inline=true that one response may be framed by our
 * own pages only and runs nothing; without it the material stays an attachment that nobody may frame.
 */
class MaterialPreviewTest extends ApiTestBase {

    @Test
    void onlyTheInlineMaterialMayBeFramedAndOnlyBySameOriginPages() {
        String n = submitFood("zhangwei");
        long id = caseOf("wangfang", n).get("materials").get(0).get("id").asLong();
        String url = "/api/v1/cases/" + n + "/materials/" + id;

        HttpHeaders inline = as("wangfang").getForEntity(url + "?inline=true", byte[].class).getHeaders();
        assertThat(inline.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");
        assertThat(inline.getContentType().toString()).isEqualTo("application/pdf");
        assertThat(inline.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(inline.get("Content-Security-Policy")).hasSize(1);
        assertThat(inline.getFirst("Content-Security-Policy")).contains("frame-ancestors 'self'", "default-src 'none'")
                .doesNotContain("script-src", "*", "frame-ancestors 'none'");
        assertThat(inline.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        HttpHeaders attachment = as("wangfang").getForEntity(url, byte[].class).getHeaders();
        assertThat(attachment.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(attachment.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(attachment.getFirst("Content-Security-Policy")).isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);

        // inline changes nothing about who may see it
        assertThat(as("lina").getForEntity(url + "?inline=true", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("chenjing").getForEntity(url + "?inline=true", JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }
}
