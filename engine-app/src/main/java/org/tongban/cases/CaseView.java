package org.tongban.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A case as its applicant or a permitted approver sees it. */
public record CaseView(String caseNumber, String itemCode, String itemName, CaseStatus status, String applicant,
                       String applicantName, Instant submittedAt, Instant acceptedAt, Instant concludedAt,
                       Map<String, Object> formData, List<MaterialInfo> materials, List<CurrentStep> currentSteps,
                       String correctionNotice, Licence licence, List<JointReviewProgress> jointReviewProgress) {

    /**
     * A department of the current joint-review round (并联审查) and whether it has finished, for the applicant: no
     * opinions, no reviewer names. Null on lists and for cases without a joint review (or not yet accepted).
     */
    public record JointReviewProgress(String department, String departmentName, boolean finished, Instant finishedAt) {
    }

    /** The case with the form data one viewer may see. */
    public CaseView withFormData(Map<String, Object> visible) {
        return new CaseView(caseNumber, itemCode, itemName, status, applicant, applicantName, submittedAt, acceptedAt,
                concludedAt, visible, materials, currentSteps, correctionNotice, licence, jointReviewProgress);
    }

    /** The case as someone it was only copied to (抄送) sees it: everything but the materials. */
    public CaseView withoutMaterials() {
        return new CaseView(caseNumber, itemCode, itemName, status, applicant, applicantName, submittedAt, acceptedAt,
                concludedAt, formData, List.of(), currentSteps, correctionNotice, licence, jointReviewProgress);
    }

    /** The licence of a granted case: ISSUING from the grant until the licence exists (shortly after), then ISSUED. */
    public record Licence(Status status, String licenceNumber) {

        public enum Status { ISSUING, ISSUED }
    }

    /** A material file; {@code superseded} once a correction (补正) replaced it (staff still see and download it). */
    public record MaterialInfo(long id, String code, String fileName, String contentType, long sizeBytes,
                               String sha256, Instant uploadedAt, boolean superseded, String licenceNumber) {
    }

    /** A step waiting to be done, its task (for GET /tasks/{taskId}), and by which department(s) or person. */
    public record CurrentStep(String taskId, String stepKey, String stepName, List<String> departments, String assignee, Instant since) {
    }
}
