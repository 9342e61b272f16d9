package org.tongban.licences.internal;

import java.time.Instant;

/** One deployed version of a licence template (证照模板版本), without its text. */
public record LicenceTemplateVersion(String templateCode, int version, String sha256, Instant deployedAt, String deployedBy) {
}
