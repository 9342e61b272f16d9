package org.tongban.cases.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.MaterialUpload;
import org.tongban.shared.FieldProblem;

/**
 * Checks uploads against the service guide: known material, at most its number of files, each within its size,
 * of an allowed type judged by the content (magic bytes), and not claiming another type by its declared content
 * type or its file name's extension: a renamed executable or HTML page is not accepted as a PDF, nor is a file
 * whose first bytes also read as HTML (a polyglot a browser could sniff).
 */
public final class MaterialChecks {

    static final int HEAD = 1024;
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf", Set.of("pdf"), "image/png", Set.of("png"), "image/jpeg", Set.of("jpg", "jpeg"));
    /** Markup a browser's sniffer takes for HTML (or script-carrying XML) in the first bytes. */
    private static final List<String> MARKUP = List.of("<html", "<script", "<!doctype", "<body", "<head", "<iframe",
            "<svg", "<object", "<embed");

    private MaterialChecks() {
    }

    /** @param complete whether every required material must be present (a first submission) */
    public static List<FieldProblem> check(ServiceItem item, List<MaterialUpload> uploads, boolean complete) {
        return check(item, uploads, complete, Set.of());
    }

    /** @param referenced materials given as a licence by reference instead of files (they count as present) */
    public static List<FieldProblem> check(ServiceItem item, List<MaterialUpload> uploads, boolean complete,
                                           Set<String> referenced) {
        var problems = new ArrayList<FieldProblem>();
        var counts = new HashMap<String, Integer>();
        for (MaterialUpload upload : uploads) {
            String field = "materials." + upload.code();
            var found = item.material(upload.code());
            if (found.isEmpty()) {
                problems.add(FieldProblem.of(field, "unknown-material", upload.code()));
                continue;
            }
            ServiceItem.Material spec = found.get();
            String zh = spec.name().zh();
            String en = spec.name().en();
            int count = counts.merge(upload.code(), 1, Integer::sum);
            if (count == spec.fileLimit() + 1) {
                problems.add(FieldProblem.of(field, "too-many-files", zh, en, spec.fileLimit()));
            }
            if (upload.size() == 0) {
                problems.add(FieldProblem.of(field, "empty-material", zh, en));
                continue;
            }
            if (upload.size() > spec.sizeLimitBytes()) {
                problems.add(FieldProblem.of(field, "material-too-large", zh, en, spec.sizeLimitBytes() / (1024 * 1024)));
                continue;
            }
            byte[] head;
            try {
                head = upload.head(HEAD);
            } catch (IOException e) {
                problems.add(FieldProblem.of(field, "upload-failed"));
                continue;
            }
            String sniffed = sniff(head);
            if (sniffed == null || !spec.contentTypes().contains(sniffed)) {
                problems.add(FieldProblem.of(field, "material-type", zh, en, String.join(", ", spec.contentTypes())));
            } else if (!claimsSame(upload, sniffed) || looksLikeMarkup(head)) {
                problems.add(FieldProblem.of(field, "material-type-mismatch", zh, en, sniffed));
            }
        }
        if (complete) {
            item.materials().stream().filter(m -> m.required() && !counts.containsKey(m.code()) && !referenced.contains(m.code()))
                    .forEach(m -> problems.add(FieldProblem.of("materials." + m.code(), "material-required", m.name().zh(), m.name().en())));
        }
        return problems;
    }

    /** The declared content type (unless generic) and the file name's extension (if any) agree with the content. */
    private static boolean claimsSame(MaterialUpload upload, String sniffed) {
        String declared = upload.contentType() == null ? "" : upload.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(sniffed)
                && !(sniffed.equals("image/jpeg") && declared.equals("image/pjpeg"))) {
            return false;
        }
        String name = upload.fileName() == null ? "" : upload.fileName();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1); // as stored
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return true;
        }
        return EXTENSIONS.get(sniffed).contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean looksLikeMarkup(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return MARKUP.stream().anyMatch(text::contains);
    }

    /** The content type the first bytes really have, or null when not one we accept. */
    public static String sniff(byte[] head) {
        if (startsWith(head, PDF)) {
            return "application/pdf";
        }
        if (startsWith(head, PNG)) {
            return "image/png";
        }
        if (startsWith(head, JPEG)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
