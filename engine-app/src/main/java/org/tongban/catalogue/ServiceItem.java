package org.tongban.catalogue;

import java.util.List;
import java.util.Optional;
import org.tongban.shared.LocalizedText;

/**
 * An approval item (政务服务事项) and its service guide (办事指南), read from
 * {@code process-definitions/<item>/item.yaml}.
 */
public record ServiceItem(
        String code,
        LocalizedText name,
        LocalizedText kind,
        String department,
        String processKey,
        String process,
        String form,
        String licenceTemplate,
        JointReview jointReview,
        List<LocalizedText> legalBasis,
        List<LocalizedText> conditions,
        List<Material> materials,
        int statutoryDays,
        int promisedDays,
        LocalizedText fees,
        LocalizedText where,
        List<String> processVariables,
        java.util.Map<String, Integer> stepDays,
        Integer warningDays,
        List<String> inPersonSteps) {

    /** Working days left at or below which a case's deadline shows a yellow card, unless item.yaml says otherwise. */
    public static final int DEFAULT_WARNING_DAYS = 2;

    /** Optional time limit of a step (its BPMN user task id), in working days from the day it was created. */
    public Optional<Integer> stepLimit(String taskKey) {
        return Optional.ofNullable(stepDays == null || taskKey == null ? null : stepDays.get(taskKey));
    }

    /** Yellow card (黄牌) when this many working days or fewer are left on the case's statutory deadline. */
    public int caseWarningDays() {
        return warningDays == null ? DEFAULT_WARNING_DAYS : warningDays;
    }

    /**
     * Steps (BPMN user task ids) at which the applicant must appear in person (e.g. to show originals at the
     * window): a case that passed one is not fully online (全程网办).
     */
    public List<String> inPersonStepKeys() {
        return inPersonSteps == null ? List.of() : inPersonSteps;
    }

    /**
     * Variables the item's BPMN may read besides the platform's own ({@code ProcessVariables}); optional in
     * item.yaml. Expressions naming anything else are refused at deployment.
     */
    public List<String> declaredVariables() {
        return processVariables == null ? List.of() : processVariables;
    }

    /**
     * A material (申请材料) the applicant uploads: one or more files ({@code maxFiles}, default 5), each at most
     * {@code maxSizeMb} (default 10, and never above spring.servlet.multipart.max-file-size).
     */
    public record Material(String code, LocalizedText name, boolean required, List<String> contentTypes,
                           Integer maxFiles, Integer maxSizeMb, List<String> acceptsLicenceOf,
                           java.util.Map<String, String> prefill) {

        public static final int DEFAULT_MAX_FILES = 5;
        public static final int DEFAULT_MAX_SIZE_MB = 10;

        public Material(String code, LocalizedText name, boolean required, List<String> contentTypes) {
            this(code, name, required, contentTypes, null, null, null, null);
        }

        /** Items whose licence, issued to the same applicant, may stand for this material (数据多跑路). */
        public List<String> licenceItems() {
            return acceptsLicenceOf == null ? List.of() : acceptsLicenceOf;
        }

        /** Form field key → key in the referenced licence's case form data, filled by the server. */
        public java.util.Map<String, String> prefillFields() {
            return prefill == null ? java.util.Map.of() : prefill;
        }

        /** Files allowed for this material, defaults applied (in the guide's JSON for clients). */
        @com.fasterxml.jackson.annotation.JsonProperty("fileLimit")
        public int fileLimit() {
            return maxFiles == null ? DEFAULT_MAX_FILES : maxFiles;
        }

        /** Megabytes allowed per file, defaults applied (in the guide's JSON for clients). */
        @com.fasterxml.jackson.annotation.JsonProperty("sizeLimitMb")
        public int sizeLimitMb() {
            return maxSizeMb == null ? DEFAULT_MAX_SIZE_MB : maxSizeMb;
        }

        public long sizeLimitBytes() {
            return sizeLimitMb() * 1024L * 1024L;
        }
    }

    /**
     * Joint review (并联审批): the lead department and the reviewing departments (in this order when they sign one
     * after another). How their verdicts combine is the process definition's countersign rule.
     */
    public record JointReview(String lead, List<String> departments) {
    }

    public Optional<JointReview> jointReviewSpec() {
        return Optional.ofNullable(jointReview);
    }

    public Optional<Material> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }
}
