package org.tongban.forms;

import java.time.Instant;

/** One deployed version of a form (表单版本), without its schema. */
public record FormVersion(String formId, int version, String sha256, Instant deployedAt, String deployedBy) {
}
