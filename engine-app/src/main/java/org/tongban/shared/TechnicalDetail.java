package org.tongban.shared;

/**
 * Untranslated technical text (e.g. an engine's validation message) attached to a {@link FieldProblem} as an
 * argument. It is never inserted into the localized message; the problem carries it in a separate
 * {@code technicalDetail} property, so a zh-CN sentence never embeds English engine text.
 */
public record TechnicalDetail(String text) {
}
