package org.tongban.licences.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tongban.catalogue.Catalogue;
import org.tongban.shared.InvalidContentException;

/**
 * A designer's template (issue 10): the layout is declarative and checked at start-up, so a seal off the page, an
 * unknown key, a font or image outside its folder, or a missing notice kind stops start-up with the file and the
 * problem; a valid layout puts things where it says, in millimetres.
 */
class LicenceTemplatesTest {

    private static final Path REAL = Path.of("../templates").toAbsolutePath().normalize();
    private static final String HEAD = """
            code: permit
            title: { zh: 测试许可证, en: Test Permit }
            numberPrefix: "T"
            validYears: 1
            holder: { name: "${form.name}", idNumber: "${form.id}" }
            fields:
              - { label: 名称, value: "${form.name}" }
            issuer: 德清县测试局
            issuerCode: "11330521002500017K"
            department: DQ-TEST
            typeCode: "0101"
            """;

    private Path content;

    @BeforeEach
    void content() throws Exception {
        content = Files.createTempDirectory("templates");
        Files.createDirectories(content.resolve("templates/licences"));
        Files.createSymbolicLink(content.resolve("templates/fonts"), REAL.resolve("fonts"));
        Files.createSymbolicLink(content.resolve("templates/images"), REAL.resolve("images"));
        Files.createSymbolicLink(content.resolve("templates/notices"), REAL.resolve("notices"));
    }

    @AfterEach
    void clean() throws Exception {
        try (var files = Files.walk(content)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private TemplateFiles load(String yaml) throws Exception {
        Files.writeString(content.resolve("templates/licences/permit.yaml"), yaml);
        Catalogue catalogue = mock(Catalogue.class);
        when(catalogue.items()).thenReturn(List.of());
        return new TemplateFiles(new PathMatchingResourcePatternResolver(), catalogue, content.toUri().toString());
    }

    private void refused(String yaml, String... problem) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("templates/licences/permit.yaml").hasMessageContainingAll(problem);
    }

    @Test
    void aLayoutIsPlacedInMillimetresFromTheTopLeftCorner() throws Exception {
        TemplateFiles templates = load(HEAD + """
                layout:
                  page: { size: A5, orientation: landscape }
                  background: { color: "#FFF8E7", image: guilloche-landscape.png }
                  seal: { left: 150, top: 90, size: 40 }
                  qr: { left: 10, top: 100, size: 30 }
                  issuer: { right: 20, top: 120 }
                  identifier: { left: 50, top: 140 }
                """);
        LicenceTemplate template = templates.shipped("permit");
        var seal = LicenceRenderer.seal(template);
        float mm = 72f / 25.4f;
        assertThat(template.layout().mediaBox().getWidth()).isCloseTo(210 * mm, org.assertj.core.data.Offset.offset(1f));
        assertThat(seal.getLowerLeftX()).isCloseTo(150 * mm, org.assertj.core.data.Offset.offset(0.1f));
        assertThat(seal.getUpperRightY()).as("top 90 mm on a 148 mm page").isCloseTo((148 - 90) * mm, org.assertj.core.data.Offset.offset(1f));

        var renderer = new LicenceRenderer(templates);
        byte[] pdf = renderer.render(template, template.issuer(), Map.of("form.name", "德清县测试有限公司",
                "licence.verifyUrl", "https://example.invalid/verify/x"), "t", "s", java.util.Calendar.getInstance(), Map.of());
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the background image and the QR code's form").isNotEmpty();
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("德清县测试有限公司", "测试许可证");
        }
    }

    @Test
    void aSealOffThePageStopsStartUp() {
        refused(HEAD + "layout:\n  seal: { left: 190, top: 20, size: 40 }\n", "layout.seal: \"layout.seal\" must lie on the page (210 × 297 mm)");
        refused(HEAD + "layout:\n  page: { orientation: landscape }\n  seal: { left: 20, top: 200, size: 40 }\n", "must lie on the page (297 × 210 mm)");
        refused(HEAD + "layout:\n  qr: { size: 8 }\n", "layout.qr.size: \"layout.qr.size\" must be at least 15 mm");
        refused(HEAD + "layout:\n  page: { size: B4 }\n", "layout.page.size: \"layout.page.size\" must be one of A3, A4, A5");
        refused(HEAD + "layout:\n  border: { color: red }\n", "layout.border.color", "must be a colour");
        refused(HEAD + "layout:\n  fields: { left: 100, labelWidth: 100 }\n", "layout.fields", "must lie on the page");
        refused(HEAD + "layout:\n  seal: { left: 150, top: 60, size: 40 }\n", "layout.fields.top", "Text must have room above the seal");
        refused(HEAD.replace("  - { label: 名称, value: \"${form.name}\" }", "  - { label: 名称, value: x, left: 200, top: 20, width: 30 }"),
                "fields[0]", "must lie on the page");
    }

    @Test
    void unknownKeysAndFilesOutsideTheirFoldersAreRefused() {
        refused(HEAD + "layout:\n  watermark: { text: x }\n", "layout.watermark", "is not a key of a licence template");
        refused(HEAD + "font: ../../../../etc/passwd\n", "font: The font \"../../../../etc/passwd\" must be a TrueType font in templates/fonts/ (available: NotoSerifSC-Regular.ttf)");
        refused(HEAD + "font: missing.ttf\n", "The font \"missing.ttf\" must be a TrueType font");
        refused(HEAD + "layout:\n  background: { image: OFL.txt }\n", "layout.background.image", "must be a PNG or JPEG", "available: guilloche-landscape.png");
        refused(HEAD.replace("  - { label: 名称, value: \"${form.name}\" }", "  - { label: 名称, value: x, left: 20 }"),
                "fields[0]", "needs both left and top");
        refused(HEAD + "validYears: 1\n", "not valid YAML"); // a key twice
        refused(HEAD.replace("validYears: 1", "validYears: many"), "validYears", "wrong kind");
        refused(HEAD.replace("department: DQ-TEST", "department: \"../x\""), "department", "needs a valid");
    }

    @Test
    void aBillionLaughsIsRefusedNotExpanded() {
        var laughs = new StringBuilder(HEAD + "paragraphs:\n");
        laughs.append("  - &a0 [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]\n");
        for (int i = 1; i < 12; i++) {
            laughs.append("  - &a").append(i).append(" [").append(String.join(",", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        // refused at the first nested list: the parser streams events, and no template key takes nested lists
        refused(laughs.toString(), "paragraphs[0]", "wrong kind");
    }

    @Test
    void aBrokenImageOrAMissingNoticeKindStopsStartUp() throws Exception {
        Files.delete(content.resolve("templates/images"));
        Files.createDirectories(content.resolve("templates/images"));
        Files.writeString(content.resolve("templates/images/fake.png"), "<svg onload=alert(1)>");
        refused(HEAD + "layout:\n  background: { image: fake.png }\n", "layout.background.image", "must be a PNG or JPEG");

        Files.delete(content.resolve("templates/notices"));
        Files.createDirectories(content.resolve("templates/notices"));
        Files.copy(REAL.resolve("notices/acceptance-notice.yaml"), content.resolve("templates/notices/acceptance-notice.yaml"));
        assertThatThrownBy(() -> load(HEAD)).isInstanceOf(InvalidContentException.class).hasMessageContaining("no template of kind CORRECTION_NOTICE");
    }
}
