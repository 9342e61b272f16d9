package org.tongban.tasks;

import java.util.List;
import org.tongban.cases.StepAction;

/**
 * An approver's action on a task. {@code opinion} is the 审批意见 (required for REJECT, DISAGREE, REFUSE; the
 * consolidated joint opinion for CONSOLIDATE, the reason for SEND_BACK); {@code corrections} lists everything the
 * applicant must fix for REQUEST_CORRECTION (one-time notice); {@code departments} are the departments a SEND_BACK
 * starts a new joint-review round for.
 */
public record ActionRequest(StepAction action, String opinion, List<String> corrections, List<String> departments) {

    public ActionRequest(StepAction action, String opinion, List<String> corrections) {
        this(action, opinion, corrections, null);
    }
}
