package org.tongban.licences.internal;

import java.util.List;
import org.tongban.licences.DocumentKind;
import org.tongban.shared.LocalizedText;

/**
 * A notice template (文书模板) from {@code templates/notices/<code>.yaml}: one per {@link DocumentKind}, issued in the
 * name of the item's licensing department (its licence template's issuer, seal and key). {@code reference} is the
 * document number line, with {@code ${document.year}} and {@code ${document.serial}}.
 */
public record NoticeTemplate(String code, DocumentKind kind, LocalizedText title, String reference, List<Field> fields,
                             List<Paragraph> paragraphs, Layout layout, String font) implements Face {
}
