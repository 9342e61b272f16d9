package org.tongban.cases.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.MaterialUpload;
import org.tongban.shared.FieldProblem;

/**
 * Checks uploads against the service guide: known material, allowed type, and content that really is of
 * that type (magic bytes), so a renamed executable is not accepted as a PDF.
 */
public final class MaterialChecks {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private MaterialChecks() {
    }

    /** @param complete whether every required material must be present (a first submission) */
    public static List<FieldProblem> check(ServiceItem item, List<MaterialUpload> uploads, boolean complete) {
        var problems = new ArrayList<FieldProblem>();
        var seen = new HashSet<String>();
        for (MaterialUpload upload : uploads) {
            String field = "materials." + upload.code();
            var spec = item.material(upload.code());
            if (spec.isEmpty()) {
                problems.add(FieldProblem.of(field, "unknown-material", upload.code()));
                continue;
            }
            if (!seen.add(upload.code())) {
                problems.add(FieldProblem.of(field, "duplicate-material", spec.get().name().zh(), spec.get().name().en()));
            }
            String sniffed = sniff(upload.content());
            if (upload.content().length == 0) {
                problems.add(FieldProblem.of(field, "empty-material", spec.get().name().zh(), spec.get().name().en()));
            } else if (sniffed == null || !spec.get().contentTypes().contains(sniffed)) {
                problems.add(FieldProblem.of(field, "material-type", spec.get().name().zh(), spec.get().name().en(),
                        String.join(", ", spec.get().contentTypes())));
            }
        }
        if (complete) {
            item.materials().stream().filter(m -> m.required() && !seen.contains(m.code()))
                    .forEach(m -> problems.add(FieldProblem.of("materials." + m.code(), "material-required", m.name().zh(), m.name().en())));
        }
        return problems;
    }

    /** The content type the bytes really have, or null when not one we accept. */
    public static String sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
