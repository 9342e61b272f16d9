package org.tongban.tasks;

import java.util.List;
import org.tongban.cases.StepAction;

/**
 * An approver's action on a task. {@code opinion} is the 审批意见 (required for REJECT, DISAGREE, REFUSE);
 * {@code corrections} lists everything the applicant must fix for REQUEST_CORRECTION (one-time notice).
 */
public record ActionRequest(StepAction action, String opinion, List<String> corrections) {
}
