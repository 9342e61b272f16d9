package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.identity.Directory;
import org.tongban.shared.Digests;
import org.tongban.support.ApiTestBase;

/**
 * Materials over HTTP: several files per material within the item's limits, types judged by content, SHA-256,
 * files in the material store (and gone again when the transaction rolls back), replaced files kept for staff.
 */
class MaterialsHttpTest extends ApiTestBase {

    @Autowired
    Cases cases;
    @Autowired
    Directory directory;
    @Autowired
    TransactionTemplate transactions;

    record Part(String code, String name, String type, byte[] bytes) {
    }

    static Part pdf(String code, String name, String text) {
        return new Part(code, name, "application/pdf", ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }

    ResponseEntity<JsonNode> post(String url, String application, List<Part> parts) {
        var body = new LinkedMultiValueMap<String, Object>();
        if (application != null) {
            body.add("application", application);
        }
        for (Part p : parts) {
            var headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(p.type()));
            body.add(p.code(), new HttpEntity<>(new ByteArrayResource(p.bytes()) {
                @Override
                public String getFilename() {
                    return p.name();
                }
            }, headers));
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("zhangwei").exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> submitParts(List<Part> parts) {
        return post("/api/v1/cases", toJson(Map.of("itemCode", FOOD, "form", foodForm())), parts);
    }

    static List<Part> required() {
        return List.of(pdf("PREMISES_PROOF", "lease.pdf", "lease"), pdf("LAYOUT_PLAN", "layout.pdf", "layout"));
    }

    static List<Part> with(Part... extra) {
        var all = new ArrayList<>(required());
        all.addAll(List.of(extra));
        return all;
    }

    static long storedFiles() {
        try (Stream<Path> files = Files.walk(MATERIAL_DIRECTORY)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refused(ResponseEntity<JsonNode> response, String field, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        var found = new ArrayList<String>();
        response.getBody().get("errors").forEach(e -> found.add(e.get("field").asText() + " " + e.get("code").asText()));
        assertThat(found).as(String.valueOf(response.getBody())).contains(field + " " + code);
    }

    @Test
    void severalFilesPerMaterialAreStoredInTheStoreWithTheirSha256() throws Exception {
        Part second = pdf("LAYOUT_PLAN", "workflow.pdf", "operating procedures");
        Part rules1 = pdf("SAFETY_RULES", "rules-1.pdf", "self inspection");
        Part rules2 = pdf("SAFETY_RULES", "../../etc/passwd", "staff health");
        var response = submitParts(with(second, rules1, rules2));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        String n = response.getBody().get("caseNumber").asText();

        JsonNode materials = as("zhangwei").getForObject("/api/v1/cases/" + n + "/materials", JsonNode.class);
        assertThat(materials).hasSize(5);
        assertThat(materials.findValuesAsText("code")).containsExactlyInAnyOrder("PREMISES_PROOF", "LAYOUT_PLAN", "LAYOUT_PLAN",
                "SAFETY_RULES", "SAFETY_RULES");
        // the client's name never becomes a path; it is shown without its directories
        assertThat(materials.findValuesAsText("fileName")).contains("passwd").doesNotContain("../../etc/passwd");
        for (JsonNode m : materials) {
            long id = m.get("id").asLong();
            var download = as("wangfang").getForEntity("/api/v1/cases/" + n + "/materials/" + id, byte[].class);
            assertThat(download.getStatusCode().value()).isEqualTo(200);
            assertThat(Digests.sha256(download.getBody())).isEqualTo(m.get("sha256").asText());
            assertThat((long) download.getBody().length).isEqualTo(m.get("sizeBytes").asLong());
            Map<String, Object> row = jdbc.queryForMap("SELECT storage_key, content FROM tb_material WHERE id = ?", id);
            String key = (String) row.get("STORAGE_KEY");
            assertThat(key).matches("[0-9a-f]{32}");
            assertThat(row.get("CONTENT")).isNull();
            Path file = MATERIAL_DIRECTORY.resolve(key.substring(0, 2)).resolve(key);
            assertThat(Digests.sha256(Files.readAllBytes(file))).isEqualTo(m.get("sha256").asText());
        }
        assertThat(Digests.sha256(second.bytes())).isIn(materials.findValuesAsText("sha256"));
    }

    @Test
    void limitsTypesByContentAndRequiredMaterialsAreCheckedAndNothingIsStoredWhenRefused() {
        long files = storedFiles();
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Long.class);

        // at most maxFiles (3) per material
        refused(submitParts(with(pdf("SAFETY_RULES", "a.pdf", "1"), pdf("SAFETY_RULES", "b.pdf", "2"),
                pdf("SAFETY_RULES", "c.pdf", "3"), pdf("SAFETY_RULES", "d.pdf", "4"))), "materials.SAFETY_RULES", "too-many-files");
        // each file at most maxSizeMb (2)
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, large, 0, 9);
        refused(submitParts(with(new Part("SAFETY_RULES", "big.pdf", "application/pdf", large))),
                "materials.SAFETY_RULES", "material-too-large");
        // a renamed executable or HTML page is no PDF
        refused(submitParts(with(new Part("SAFETY_RULES", "rules.pdf", "application/pdf", "MZ\u0090\u0000 This program".getBytes()))),
                "materials.SAFETY_RULES", "material-type");
        refused(submitParts(with(new Part("SAFETY_RULES", "rules.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes()))),
                "materials.SAFETY_RULES", "material-type");
        // PNG is allowed for the premises proof, not for the safety rules
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        refused(submitParts(with(new Part("SAFETY_RULES", "rules.png", "image/png", png))), "materials.SAFETY_RULES", "material-type");
        // a polyglot: PDF magic, HTML a browser would sniff
        refused(submitParts(with(new Part("SAFETY_RULES", "rules.pdf", "application/pdf",
                "%PDF-1.4\n<html><body><script>alert(document.cookie)</script>".getBytes()))), "materials.SAFETY_RULES", "material-type-mismatch");
        // declared type or extension differs from the content
        refused(submitParts(List.of(new Part("PREMISES_PROOF", "lease.html", "application/pdf", pdf("x", "x", "x").bytes()),
                pdf("LAYOUT_PLAN", "l.pdf", "l"))), "materials.PREMISES_PROOF", "material-type-mismatch");
        refused(submitParts(List.of(new Part("PREMISES_PROOF", "lease.pdf", "text/html", pdf("x", "x", "x").bytes()),
                pdf("LAYOUT_PLAN", "l.pdf", "l"))), "materials.PREMISES_PROOF", "material-type-mismatch");
        refused(submitParts(List.of(new Part("PREMISES_PROOF", "photo.jpg", "image/png", png), pdf("LAYOUT_PLAN", "l.pdf", "l"))),
                "materials.PREMISES_PROOF", "material-type-mismatch");
        // required material missing
        refused(submitParts(List.of(pdf("PREMISES_PROOF", "lease.pdf", "lease"))), "materials.LAYOUT_PLAN", "material-required");
        // a failing form with good files
        var badForm = new java.util.HashMap<>(foodForm());
        badForm.remove("premisesAddress");
        var response = post("/api/v1/cases", toJson(Map.of("itemCode", FOOD, "form", badForm)), required());
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);

        assertThat(storedFiles()).isEqualTo(files);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Long.class)).isEqualTo(rows);

        // allowed: a generic declared type, a name without extension, a JPEG named .jpeg
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        var ok = submitParts(List.of(new Part("PREMISES_PROOF", "scan", "application/octet-stream", pdf("x", "x", "x").bytes()),
                new Part("LAYOUT_PLAN", "plan.JPEG", "image/jpeg", jpeg)));
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(201);
    }

    @Test
    void filesWrittenByATransactionThatRollsBackAreDeleted() {
        var applicant = directory.find("zhangwei").orElseThrow().actor();
        long files = storedFiles();
        long[] during = new long[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            cases.submit(applicant, FOOD, foodForm(), List.of(
                    new MaterialUpload("PREMISES_PROOF", "p.pdf", "application/pdf", pdfBytes()),
                    new MaterialUpload("LAYOUT_PLAN", "l.pdf", "application/pdf", pdfBytes())));
            during[0] = storedFiles();
            throw new IllegalStateException("something after the materials failed");
        })).hasMessageContaining("something after");
        assertThat(during[0]).isEqualTo(files + 2);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void aReplacedFileStaysForStaffWhileTheApplicantSeesTheCurrentOne() {
        var submitted = submitParts(required());
        String n = submitted.getBody().get("caseNumber").asText();
        JsonNode before = as("zhangwei").getForObject("/api/v1/cases/" + n + "/materials", JsonNode.class);
        JsonNode oldLayout = null;
        for (JsonNode m : before) {
            if (m.get("code").asText().equals("LAYOUT_PLAN")) {
                oldLayout = m;
            }
        }
        long oldId = oldLayout.get("id").asLong();
        assertThat(act("wangfang", taskOf("wangfang", n, "acceptance"), "REQUEST_CORRECTION", null, List.of("布局图不清晰"))
                .getStatusCode().value()).isEqualTo(204);

        // a refused replacement stores nothing
        long files = storedFiles();
        refused(post("/api/v1/cases/" + n + "/resubmission", null, List.of(new Part("LAYOUT_PLAN", "x.pdf", "application/pdf",
                "GIF89a".getBytes()))), "materials.LAYOUT_PLAN", "material-type");
        assertThat(storedFiles()).isEqualTo(files);

        Part newer = pdf("LAYOUT_PLAN", "layout-v2.pdf", "clear layout");
        var resubmitted = post("/api/v1/cases/" + n + "/resubmission", null, List.of(newer));
        assertThat(resubmitted.getStatusCode().value()).as(String.valueOf(resubmitted.getBody())).isEqualTo(200);

        JsonNode mine = as("zhangwei").getForObject("/api/v1/cases/" + n + "/materials", JsonNode.class);
        assertThat(mine).hasSize(2);
        assertThat(mine.findValuesAsText("fileName")).containsExactlyInAnyOrder("lease.pdf", "layout-v2.pdf");
        assertThat(caseOf("zhangwei", n).get("materials")).hasSize(2);
        JsonNode staff = as("wangfang").getForObject("/api/v1/cases/" + n + "/materials", JsonNode.class);
        assertThat(staff).hasSize(3);
        assertThat(staff.findValuesAsText("fileName")).containsExactly("lease.pdf", "layout.pdf", "layout-v2.pdf");
        assertThat(staff.get(1).get("superseded").asBoolean()).isTrue();
        assertThat(staff.get(2).get("superseded").asBoolean()).isFalse();

        JsonNode history = as("wangfang").getForObject("/api/v1/cases/" + n + "/history", JsonNode.class);
        JsonNode resubmit = history.get(history.size() - 1);
        assertThat(resubmit.get("action").asText()).isEqualTo("RESUBMIT");
        assertThat(resubmit.get("opinion").asText()).contains("layout-v2.pdf");

        String oldUrl = "/api/v1/cases/" + n + "/materials/" + oldId;
        var old = as("wangfang").getForEntity(oldUrl, byte[].class);
        assertThat(old.getStatusCode().value()).isEqualTo(200);
        assertThat(Digests.sha256(old.getBody())).isEqualTo(oldLayout.get("sha256").asText());
        assertThat(as("zhangwei").getForEntity(oldUrl, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        // other applicants and other departments see neither list nor file
        assertThat(as("lina").getForEntity("/api/v1/cases/" + n + "/materials", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("lina").getForEntity(oldUrl, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("chenjing").getForEntity(oldUrl, JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aMaterialStoredInTheDatabaseBeforeTheStoreExistedIsStillDownloaded() {
        String n = submitFood("zhangwei");
        long caseId = jdbc.queryForObject("SELECT id FROM tb_case WHERE case_number = ?", Long.class, n);
        byte[] legacy = pdf("x", "x", "from before V11").bytes();
        jdbc.update("INSERT INTO tb_material (case_id, material_code, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_at, superseded) VALUES (?, 'SAFETY_RULES', 'old.pdf', 'application/pdf', ?, ?, ?, ?, FALSE)",
                caseId, legacy.length, Digests.sha256(legacy), legacy, java.sql.Timestamp.from(Instant.now()));
        JsonNode materials = as("wangfang").getForObject("/api/v1/cases/" + n + "/materials", JsonNode.class);
        long id = materials.get(materials.size() - 1).get("id").asLong();
        var download = as("wangfang").getForEntity("/api/v1/cases/" + n + "/materials/" + id, byte[].class);
        assertThat(download.getBody()).isEqualTo(legacy);
    }
}
