package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongban.support.ApiTestBase;

/** 办件监管: supervisors and admins list every case, filtered by item, department and status, paged; nobody else may. */
class SupervisionListTest extends ApiTestBase {

    private static final String LIST = "/api/v1/supervision/cases";

    private JsonNode list(String user, String query) {
        var response = as(user).getForEntity(LIST + query, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private static List<String> numbers(JsonNode page) {
        var numbers = new ArrayList<String>();
        page.get("items").forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    @Test
    void supervisorsAndAdminsSeeEveryCaseFilteredAndPaged() {
        String food = submitFood("zhangwei");
        String construction = submitConstruction("lina");
        actOk("wangfang", food, "acceptance", "ACCEPT", "材料齐全");

        JsonNode all = list("zhengli", "?size=100");
        assertThat(numbers(all)).contains(food, construction);
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode line = all.get("items").get(numbers(all).indexOf(construction));
        assertThat(line.get("itemCode").asText()).isEqualTo(CONSTRUCTION);
        assertThat(line.get("itemName").asText()).isEqualTo("建筑工程施工许可");
        assertThat(line.get("applicantName").asText()).isEqualTo("李娜");
        assertThat(line.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(line.has("formData")).isFalse();
        // newest first
        assertThat(numbers(all).indexOf(construction)).isLessThan(numbers(all).indexOf(food));

        JsonNode byItem = list("admin", "?size=100&itemCode=" + CONSTRUCTION);
        assertThat(numbers(byItem)).contains(construction).doesNotContain(food);
        byItem.get("items").forEach(c -> assertThat(c.get("itemCode").asText()).isEqualTo(CONSTRUCTION));
        assertThat(byItem.get("total").asLong()).isEqualTo(byItem.get("items").size());

        JsonNode byStatus = list("zhengli", "?size=100&status=ACCEPTED");
        assertThat(numbers(byStatus)).contains(food).doesNotContain(construction);
        byStatus.get("items").forEach(c -> assertThat(c.get("status").asText()).isEqualTo("ACCEPTED"));

        // a department that has (or had) a step in the case: the market bureau for food, housing bureau for construction
        assertThat(numbers(list("zhengli", "?size=100&department=DQ-SCJG"))).contains(food).doesNotContain(construction);
        assertThat(numbers(list("zhengli", "?size=100&department=DQ-ZJJ"))).contains(construction).doesNotContain(food);
        assertThat(list("zhengli", "?department=NOWHERE").get("total").asLong()).isZero();
        assertThat(numbers(list("zhengli", "?size=100&department=DQ-ZJJ&status=ACCEPTED"))).doesNotContain(construction, food);

        // paging: pages of one do not overlap, the total stays
        JsonNode first = list("zhengli", "?size=1&page=0");
        JsonNode second = list("zhengli", "?size=1&page=1");
        assertThat(first.get("items")).hasSize(1);
        assertThat(second.get("items")).hasSize(1);
        assertThat(numbers(first)).doesNotContainAnyElementsOf(numbers(second));
        assertThat(first.get("total").asLong()).isEqualTo(second.get("total").asLong()).isEqualTo(all.get("total").asLong());
        assertThat(first.get("page").asInt()).isZero();
        assertThat(second.get("size").asInt()).isEqualTo(1);
    }

    @Test
    void badFiltersAreFieldProblems() {
        var response = as("zhengli").getForEntity(LIST + "?status=LOST&page=-1&size=1000", JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        var fields = new ArrayList<String>();
        response.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("status", "page", "size");
        assertThat(response.getBody().toString()).contains("办件状态");
    }

    @Test
    void onlySupervisorsAndAdminsMayList() {
        for (String user : List.of("zhangwei", "wangfang", "chenjing", "wujun")) {
            assertThat(as(user).getForEntity(LIST, JsonNode.class).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(rest.getForEntity(LIST, JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }
}
