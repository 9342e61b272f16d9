package org.tongban.catalogue.internal;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.InvalidContentException;
import org.tongban.shared.LocalizedText;

/** Completeness rules of a service-guide descriptor. */
final class DescriptorRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final List<String> CONTENT_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    private DescriptorRules() {
    }

    static void check(String path, ServiceItem item) {
        require(path, item.code() != null && CODE.matcher(item.code()).matches(), "code must be upper-case letters, digits and '-'");
        requireText(path, "name", item.name());
        requireText(path, "kind", item.kind());
        require(path, item.department() != null, "department is missing");
        require(path, item.processKey() != null && KEY.matcher(item.processKey()).matches(), "processKey is missing or not an identifier");
        require(path, item.process() != null && item.process().endsWith(".bpmn20.xml"), "process must name a *.bpmn20.xml file");
        require(path, item.form() != null, "form is missing");
        require(path, item.licenceTemplate() != null, "licenceTemplate is missing");
        require(path, item.legalBasis() != null && !item.legalBasis().isEmpty(), "legalBasis is missing");
        item.legalBasis().forEach(t -> requireText(path, "legalBasis", t));
        require(path, item.conditions() != null && !item.conditions().isEmpty(), "conditions are missing");
        require(path, item.materials() != null && !item.materials().isEmpty(), "materials are missing");
        var codes = new HashSet<String>();
        for (ServiceItem.Material m : item.materials()) {
            require(path, m.code() != null && KEY.matcher(m.code()).matches(), "a material has no valid code");
            require(path, codes.add(m.code()), "material " + m.code() + " appears twice");
            requireText(path, "material " + m.code() + " name", m.name());
            require(path, m.contentTypes() != null && !m.contentTypes().isEmpty()
                    && CONTENT_TYPES.containsAll(m.contentTypes()), "material " + m.code() + " contentTypes must be among " + CONTENT_TYPES);
            require(path, m.maxFiles() == null || (m.maxFiles() >= 1 && m.maxFiles() <= 20), "material " + m.code() + " maxFiles must be 1-20");
            require(path, m.maxSizeMb() == null || (m.maxSizeMb() >= 1 && m.maxSizeMb() <= 100), "material " + m.code() + " maxSizeMb must be 1-100");
            require(path, m.licenceItems().stream().allMatch(c -> c != null && !c.isBlank()), "material " + m.code() + " acceptsLicenceOf has a blank item");
            require(path, m.prefillFields().isEmpty() || !m.licenceItems().isEmpty(), "material " + m.code() + " prefill needs acceptsLicenceOf");
        }
        require(path, item.statutoryDays() > 0, "statutoryDays must be a positive number of working days");
        require(path, item.promisedDays() > 0 && item.promisedDays() <= item.statutoryDays(),
                "promisedDays must be positive and not exceed statutoryDays");
        if (item.stepDays() != null) {
            item.stepDays().forEach((step, days) -> require(path, step != null && KEY.matcher(step).matches() && days != null
                    && days > 0 && days <= item.statutoryDays(), "stepDays." + step + " must be 1 to statutoryDays working days"));
        }
        require(path, item.warningDays() == null || (item.warningDays() >= 1 && item.warningDays() < item.statutoryDays()),
                "warningDays must be at least 1 and below statutoryDays");
        require(path, item.inPersonStepKeys().stream().allMatch(k -> k != null && KEY.matcher(k).matches()),
                "inPersonSteps must name BPMN user task ids");
        requireText(path, "fees", item.fees());
        item.jointReviewSpec().ifPresent(j -> {
            require(path, j.lead() != null, "jointReview needs a lead department");
            require(path, j.departments() != null && !j.departments().isEmpty(), "jointReview needs departments");
        });
    }

    private static void requireText(String path, String field, LocalizedText text) {
        require(path, text != null && text.zh() != null && !text.zh().isBlank() && text.en() != null && !text.en().isBlank(),
                field + " needs both zh and en text");
    }

    private static void require(String path, boolean ok, String problem) {
        if (!ok) {
            throw new InvalidContentException(path, problem);
        }
    }
}
