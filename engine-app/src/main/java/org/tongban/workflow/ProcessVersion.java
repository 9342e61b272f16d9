package org.tongban.workflow;

import java.time.Instant;

/** One deployed version of an item's process. Running cases stay on the version they started with. */
public record ProcessVersion(String itemCode, String processDefinitionId, int version, String deploymentId,
                             Instant deployedAt, boolean latest) {
}
