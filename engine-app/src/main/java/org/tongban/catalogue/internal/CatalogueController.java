package org.tongban.catalogue.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.LocalizedText;

/** Public catalogue: anyone may read which items exist and their service guides. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "Catalogue (事项目录)")
class CatalogueController {

    record ItemSummary(String code, LocalizedText name, LocalizedText kind, String department,
                       int statutoryDays, int promisedDays, boolean jointReview) {
    }

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "List approval items")
    List<ItemSummary> list() {
        return catalogue.items().stream()
                .map(i -> new ItemSummary(i.code(), i.name(), i.kind(), i.department(), i.statutoryDays(),
                        i.promisedDays(), i.jointReview() != null))
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Service guide (办事指南) of one item")
    ServiceItem guide(@PathVariable String code) {
        return catalogue.require(code);
    }
}
