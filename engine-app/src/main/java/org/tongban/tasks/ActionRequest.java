package org.tongban.tasks;

import java.util.List;
import java.util.Map;
import org.tongban.cases.StepAction;

/**
 * An approver's action on a task. {@code opinion} is the 审批意见 (required for REJECT, DISAGREE, REFUSE; the
 * consolidated joint opinion for CONSOLIDATE, the reason for SEND_BACK); {@code corrections} lists everything the
 * applicant must fix for REQUEST_CORRECTION (one-time notice); {@code departments} are the departments a SEND_BACK
 * starts a new joint-review round for; {@code form} holds the form fields the step fills (tongban:editableAt), by key.
 */
public record ActionRequest(StepAction action, String opinion, List<String> corrections, List<String> departments,
                            Map<String, Object> form) {

    public ActionRequest(StepAction action, String opinion, List<String> corrections) {
        this(action, opinion, corrections, null, null);
    }

    public ActionRequest(StepAction action, String opinion, List<String> corrections, List<String> departments) {
        this(action, opinion, corrections, departments, null);
    }
}
