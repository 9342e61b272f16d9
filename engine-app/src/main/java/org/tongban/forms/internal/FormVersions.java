package org.tongban.forms.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditLog;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.FormVersion;
import org.tongban.shared.Digests;
import org.tongban.shared.DomainException;

/**
 * The deployed versions of each form (tb_form_version). A deployed version never changes, so parsed versions
 * are cached for good; which version is the latest is re-read after {@link #LATEST_FOR_MILLIS}, so a version
 * another node deployed is used here within seconds (a case records the version it was validated with either
 * way). At start-up each shipped file under {@code forms/} becomes a new version when it changed since start-up last took it.
 */
@Component
public class FormVersions implements SmartInitializingSingleton {

    static final long LATEST_FOR_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(FormVersions.class);

    private final FormVersionMapper mapper;
    private final FormSchemas files;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Map<String, FormDefinition> parsed = new ConcurrentHashMap<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    private record Latest(int version, long readAt) {
    }

    FormVersions(FormVersionMapper mapper, FormSchemas files, TransactionTemplate tx, AuditLog audit) {
        this.mapper = mapper;
        this.files = files;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        org.tongban.forms.internal.validation.FeelExpressions.warmUp();
        files.shipped().forEach((formId, form) -> {
            // The file is deployed when it differs from what it said when start-up last took it: a restart must not
            // undo a version a designer deployed since, while a changed file (or one put back) arrives.
            if (Digests.sha256(form.schema().getBytes(StandardCharsets.UTF_8)).equals(mapper.lastShipped(formId))) {
                return;
            }
            FormVersion stored;
            try {
                stored = deploy(form, "system");
            } catch (DomainException raced) { // another node starting at the same moment stored it first
                stored = deploy(form, "system");
            }
            log.info("Form {}: version {}", formId, stored.version());
        });
    }

    /** The latest deployed version of the form, or 404 {@code form-not-found}. */
    public FormDefinition latest(String formId) {
        Latest known = latest.get(formId);
        long now = System.currentTimeMillis();
        if (known == null || now - known.readAt() > LATEST_FOR_MILLIS) {
            FormVersion row = mapper.latest(formId);
            if (row == null) {
                throw DomainException.notFound("form-not-found", formId);
            }
            known = new Latest(row.version(), now);
            latest.put(formId, known);
        }
        return version(formId, known.version());
    }

    /** One deployed version, or 404 {@code form-version-not-found}. */
    public FormDefinition version(String formId, int version) {
        FormDefinition form = parsed.get(formId + "@" + version);
        if (form != null) {
            return form;
        }
        String schema = mapper.schema(formId, version);
        if (schema == null) {
            throw DomainException.notFound("form-version-not-found", formId, version);
        }
        form = FormSchemas.read("form " + formId + " version " + version, schema).withVersion(version);
        parsed.put(formId + "@" + version, form);
        return form;
    }

    public List<FormVersion> versions(String formId) {
        return mapper.versions(formId);
    }

    /**
     * Stores the schema as the form's next version, unless it is byte for byte the latest one (then that version
     * is returned and nothing is stored). Audited. Two deploys at the same moment: one gets 409
     * {@code form-version-conflict}, and may simply deploy again.
     */
    public FormVersion deploy(FormDefinition form, String designer) {
        String sha256 = Digests.sha256(form.schema().getBytes(StandardCharsets.UTF_8));
        FormVersion stored = tx.execute(status -> {
            FormVersion current = mapper.latest(form.id());
            if (current != null && current.sha256().equals(sha256)) {
                return current;
            }
            int next = current == null ? 1 : current.version() + 1;
            Instant now = Instant.now();
            try {
                mapper.insert(form.id(), next, form.schema(), sha256, now, designer);
            } catch (DuplicateKeyException raced) {
                throw DomainException.conflict("form-version-conflict", form.id());
            }
            audit.record(designer, "FORM_DEPLOYED", form.id(), "version " + next + " sha256 " + sha256);
            return new FormVersion(form.id(), next, sha256, now, designer);
        });
        latest.put(form.id(), new Latest(stored.version(), System.currentTimeMillis()));
        return stored;
    }
}
