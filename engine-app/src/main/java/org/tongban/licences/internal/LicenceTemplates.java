package org.tongban.licences.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditLog;
import org.tongban.licences.DocumentKind;
import org.tongban.shared.Digests;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;

/**
 * The deployed versions of each licence template (证照模板, tb_licence_template_version). New licences, renewals and
 * amendments print the latest version; a deployed version never changes, so parsed versions are cached for good,
 * and which one is the latest is re-read after {@link #LATEST_FOR_MILLIS} (a version another node deployed is used
 * here within seconds). At start-up a shipped file becomes a new version only when it differs from what it said when
 * start-up last took it, so a restart does not undo what a designer deployed in the studio, while an operator's
 * changed file (or one put back to an earlier text) still arrives.
 *
 * <p>A designer may change what the face shows and where — title, rows, paragraphs, layout, font — but not who
 * signs, in whose name, in which number series, for whom and for how long ({@link #IDENTITY}): those are the
 * operator's, in the file. A version must also print: {@link #check} renders it with sample data first.
 */
@Component
public class LicenceTemplates implements SmartInitializingSingleton {

    static final String DEFAULT_FONT = TemplateFiles.DEFAULT_FONT;
    public static final int MAX_TEMPLATE_BYTES = 64 * 1024;
    static final long LATEST_FOR_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(LicenceTemplates.class);
    /** Who deployed a version start-up took from the file. */
    static final String SHIPPED_BY = "system";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final List<String> FACE_VALUES = List.of("licence.number", "licence.identifier", "licence.verifyUrl",
            "licence.issuedDate", "licence.validUntil", "holder.name", "holder.idNumber", "case.number", "item.name");
    private static final List<String> HOLDER_VALUES = List.of("case.number", "item.name");
    /** Who signs, in whose name, in which series, for whom and for how long: the operator's, in the file. */
    static final Map<String, Function<LicenceTemplate, String>> IDENTITY = Map.of(
            "code", LicenceTemplate::code, "department", LicenceTemplate::department, "issuer", LicenceTemplate::issuer,
            "issuerCode", LicenceTemplate::issuerCode, "typeCode", LicenceTemplate::typeCode, "numberPrefix", LicenceTemplate::numberPrefix,
            "holder.name", t -> t.holder().name(), "holder.idNumber", t -> t.holder().idNumber(),
            "validYears", t -> String.valueOf(t.validYears()));

    private final TemplateFiles files;
    private final LicenceRenderer renderer;
    private final LicenceTemplateVersionMapper mapper;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Map<String, LicenceTemplate> parsed = new ConcurrentHashMap<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    private record Latest(int version, long readAt) {
    }

    /** A template with the version it is. */
    public record Versioned(int version, LicenceTemplate template) {
    }

    LicenceTemplates(TemplateFiles files, LicenceRenderer renderer, LicenceTemplateVersionMapper mapper, TransactionTemplate tx,
                     AuditLog audit) {
        this.files = files;
        this.renderer = renderer;
        this.mapper = mapper;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        files.shippedTexts().forEach((code, text) -> {
            LicenceTemplateVersion stored;
            try {
                stored = deployIfNew(code, text);
            } catch (DomainException raced) { // another node starting at the same moment stored it first
                stored = deployIfNew(code, text);
            }
            log.info("Licence template {}: version {}", code, stored == null ? "unchanged" : stored.version());
        });
    }

    /** The file's text, unless it is what the file said when start-up last deployed it (a designer may have deployed since). */
    private LicenceTemplateVersion deployIfNew(String code, String text) {
        if (sha256(text).equals(mapper.lastShipped(code, SHIPPED_BY))) {
            return null;
        }
        return store(code, text, SHIPPED_BY, null);
    }

    /** The template's shipped files, as start-up read them: what identifies each licence type and its signing key. */
    public Collection<LicenceTemplate> all() {
        return files.shipped();
    }

    /** The latest version of the template: what a new licence, renewal or amendment prints. */
    public LicenceTemplate require(String code) {
        return current(code).template();
    }

    public Versioned current(String code) {
        int version = latestVersion(code);
        return new Versioned(version, version(code, version));
    }

    /** The latest version's number, without reading its text (0: none stored yet, only while this node starts). */
    public int latestVersion(String code) {
        Latest known = latest.get(code);
        long now = System.currentTimeMillis();
        if (known == null || now - known.readAt() > LATEST_FOR_MILLIS) {
            LicenceTemplateVersion row = mapper.latest(code);
            if (row == null) {
                return 0;
            }
            known = new Latest(row.version(), now);
            latest.put(code, known);
        }
        return known.version();
    }

    /**
     * The licence name a version printed, for the public verification page: should that version no longer parse (an
     * operator removed a font it names), the file's title, rather than no verification at all.
     */
    public String title(String code, Integer version) {
        try {
            return version(code, version).title().zh();
        } catch (DomainException unreadable) {
            log.warn("Licence template {} version {} no longer parses: {}", code, version, unreadable.fieldProblems());
            return files.shipped(code).title().zh();
        }
    }

    /** One deployed version (null: the file as shipped), or 404 {@code licence-template-version-not-found}. */
    public LicenceTemplate version(String code, Integer version) {
        if (version == null || version == 0) {
            return files.shipped(code);
        }
        return parsed.computeIfAbsent(code + "@" + version, key -> files.parseLicence(text(code, version)));
    }

    /** A deployed version's YAML, as the designer wrote it. */
    public String text(String code, int version) {
        String body = mapper.body(code, version);
        if (body == null) {
            throw DomainException.notFound("licence-template-version-not-found", code, version);
        }
        return body;
    }

    public List<LicenceTemplateVersion> versions(String code) {
        return mapper.versions(code);
    }

    public NoticeTemplate notice(DocumentKind kind) {
        return files.notice(kind);
    }

    /**
     * Parses and checks a designer's template for the template {@code code}: valid YAML of known keys, a layout on
     * the page, a font and image we have, the identity unchanged from the file, and every placeholder one that is
     * filled — {@code form.<key>} for the {@code formKeys} of the item's form, or the licence's own values. 400 with
     * each problem at its field.
     */
    public LicenceTemplate check(String code, String text, String itemName, Map<String, String> formLabels) {
        Set<String> formKeys = formLabels.keySet();
        LicenceTemplate template = files.parseLicence(text);
        LicenceTemplate shipped = files.shipped(code);
        var problems = new ArrayList<FieldProblem>();
        IDENTITY.forEach((field, value) -> {
            if (!value.apply(shipped).equals(value.apply(template))) {
                problems.add(FieldProblem.of(field, "template-identity-fixed", field, value.apply(shipped)));
            }
        });
        for (int i = 0; i < template.fields().size(); i++) {
            placeholders(problems, "fields[" + i + "].value", template.fields().get(i).value(), formKeys, FACE_VALUES);
        }
        List<Face.Paragraph> paragraphs = template.paragraphs() == null ? List.of() : template.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            placeholders(problems, "paragraphs[" + i + "].text", paragraphs.get(i).text(), formKeys, FACE_VALUES);
        }
        placeholders(problems, "holder.name", template.holder().name(), formKeys, HOLDER_VALUES);
        placeholders(problems, "holder.idNumber", template.holder().idNumber(), formKeys, HOLDER_VALUES);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        try { // what passes the rules must also print: a version that cannot would stop every licence of the item
            renderer.render(template, template.issuer(), LicenceSamples.values(itemName, template, formLabels), "check", "check",
                    java.util.Calendar.getInstance(), Map.of());
        } catch (RuntimeException unprintable) {
            throw DomainException.invalid(FieldProblem.of("template", "template-render",
                    new org.tongban.shared.TechnicalDetail(String.valueOf(unprintable.getMessage()))));
        }
        return template;
    }

    private static void placeholders(List<FieldProblem> problems, String field, String text, Set<String> formKeys, List<String> own) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean known = own.contains(name) || (name.startsWith("form.") && formKeys.contains(name.substring(5)));
            if (!known) {
                problems.add(FieldProblem.of(field, "template-placeholder", field, matcher.group(), String.join(", ", new TreeSet<>(own))));
            }
        }
    }

    /**
     * Checks ({@link #check}) and stores the text as the template's next version, unless it is the latest one byte
     * for byte (then that version is returned and nothing is stored). Audited. Two deploys at the same moment: one
     * gets 409 {@code licence-template-version-conflict}, and may simply deploy again.
     */
    public LicenceTemplateVersion deploy(String code, String text, String itemName, Map<String, String> formLabels, String designer,
                                         Integer baseVersion) {
        check(code, text, itemName, formLabels);
        return store(code, text, designer, baseVersion);
    }

    /** {@code baseVersion}: the version the designer edited; another deployed since is a 409, not silently overwritten. */
    private LicenceTemplateVersion store(String code, String text, String designer, Integer baseVersion) {
        String sha256 = sha256(text);
        LicenceTemplateVersion stored = tx.execute(status -> {
            LicenceTemplateVersion current = mapper.latest(code);
            if (current != null && current.sha256().equals(sha256)) {
                return current;
            }
            if (baseVersion != null && baseVersion != (current == null ? 0 : current.version())) {
                throw DomainException.conflict("licence-template-version-conflict", code);
            }
            int next = current == null ? 1 : current.version() + 1;
            Instant now = Instant.now();
            try {
                mapper.insert(code, next, text, sha256, now, designer);
            } catch (DuplicateKeyException raced) {
                throw DomainException.conflict("licence-template-version-conflict", code);
            }
            audit.record(designer, "LICENCE_TEMPLATE_DEPLOYED", code, "version " + next + " sha256 " + sha256);
            return new LicenceTemplateVersion(code, next, sha256, now, designer);
        });
        latest.put(code, new Latest(stored.version(), System.currentTimeMillis()));
        return stored;
    }

    private static String sha256(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
