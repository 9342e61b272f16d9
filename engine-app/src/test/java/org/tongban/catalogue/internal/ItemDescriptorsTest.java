package org.tongban.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A broken descriptor stops start-up with a message naming the file and the problem. */
class ItemDescriptorsTest {

    @TempDir
    Path content;

    private ItemDescriptors load() throws Exception {
        return new ItemDescriptors(new PathMatchingResourcePatternResolver(), content.toUri().toString());
    }

    private void copyShipped(String folder) throws Exception {
        Path dir = Files.createDirectories(content.resolve("process-definitions").resolve(folder));
        Path shipped = Path.of("..", "process-definitions", folder);
        Files.copy(shipped.resolve("item.yaml"), dir.resolve("item.yaml"));
        Files.copy(shipped.resolve("process.bpmn20.xml"), dir.resolve("process.bpmn20.xml"));
    }

    @Test
    void theShippedItemsLoad() throws Exception {
        copyShipped("food-business-licence");
        copyShipped("construction-permit");
        assertThat(load().items()).extracting(i -> i.code()).containsExactly("CONSTRUCTION-PERMIT", "FOOD-BUSINESS-LICENCE");
    }

    @Test
    void aMissingFieldNamesTheFile() throws Exception {
        copyShipped("food-business-licence");
        Path yaml = content.resolve("process-definitions/food-business-licence/item.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("statutoryDays: 10", "statutoryDays: 0"));
        assertThatThrownBy(this::load).hasMessage(
                "process-definitions/food-business-licence/item.yaml: statutoryDays must be a positive number of working days");
    }

    @Test
    void brokenYamlAndMissingProcessNameTheFile() throws Exception {
        copyShipped("food-business-licence");
        Path dir = content.resolve("process-definitions/food-business-licence");
        Files.delete(dir.resolve("process.bpmn20.xml"));
        assertThatThrownBy(this::load).hasMessageContaining("process-definitions/food-business-licence/item.yaml")
                .hasMessageContaining("process.bpmn20.xml' does not exist");
        Files.writeString(dir.resolve("item.yaml"), "code: [unclosed");
        assertThatThrownBy(this::load).hasMessageStartingWith("process-definitions/food-business-licence/item.yaml: cannot be read");
    }
}
