package org.tongban.licences.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders a licence face with PDFBox: Chinese text in an embedded subset of Noto Serif SC (TrueType).
 * The parsed font is shared; PDFBox reads glyphs from it while subsetting, so rendering is serialised on it.
 */
@Component
public class LicenceRenderer {

    private static final float MARGIN = 56;
    private final TrueTypeFont font;

    LicenceRenderer(LicenceTemplates templates) throws IOException {
        try (var in = templates.font().getInputStream()) {
            this.font = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
    }

    /** @param values placeholder values: form.*, holder.*, licence.*, case.*, item.* */
    public byte[] render(LicenceTemplate template, Map<String, String> values, String subject) {
        synchronized (font) {
            try (PDDocument document = new PDDocument()) {
                PDType0Font type0 = PDType0Font.load(document, font, true);
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(template.title().zh() + " " + values.getOrDefault("licence.number", ""));
                info.setSubject(subject);
                info.setAuthor(template.issuer());
                info.setCreator("Tongban (通办)");
                info.setCreationDate(Calendar.getInstance());
                float width = page.getMediaBox().getWidth();
                float height = page.getMediaBox().getHeight();
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    out.setStrokingColor(new Color(0xB0, 0x1E, 0x23));
                    out.setLineWidth(3);
                    out.addRect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN);
                    out.stroke();
                    out.setNonStrokingColor(Color.BLACK);
                    text(out, type0, 26, centered(type0, 26, template.title().zh(), width), height - 110, template.title().zh());
                    text(out, type0, 12, centered(type0, 12, template.title().en(), width), height - 132, template.title().en());
                    float y = height - 190;
                    for (LicenceTemplate.Field field : template.fields()) {
                        text(out, type0, 12, MARGIN + 10, y, field.label() + "：");
                        for (String line : wrap(type0, 12, printable(Placeholders.fill(field.value(), values)), width - 2 * MARGIN - 170)) {
                            text(out, type0, 12, MARGIN + 160, y, line);
                            y -= 20;
                        }
                        y -= 10;
                    }
                    text(out, type0, 14, width - MARGIN - 10 - type0.getStringWidth(template.issuer()) / 1000 * 14, 150, template.issuer());
                    String date = values.getOrDefault("licence.issuedDate", "");
                    text(out, type0, 12, width - MARGIN - 10 - type0.getStringWidth(date) / 1000 * 12, 128, date);
                }
                var bytes = new ByteArrayOutputStream();
                document.save(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("licence rendering failed", e);
            }
        }
    }

    /** Replaces characters the font has no glyph for, so unusual input never fails an issued licence. */
    private String printable(String text) throws IOException {
        var cmap = font.getUnicodeCmapLookup();
        var out = new StringBuilder();
        text.codePoints().forEach(cp -> out.appendCodePoint(cp == '\n' || cmap.getGlyphId(cp) > 0 ? cp : '?'));
        return out.toString();
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static float centered(PDType0Font font, float size, String text, float width) throws IOException {
        return (width - font.getStringWidth(text) / 1000 * size) / 2;
    }

    /** Breaks text into lines of at most {@code maxWidth}; CJK text may break between any two characters. */
    private static List<String> wrap(PDType0Font font, float size, String text, float maxWidth) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cp == '\n' || font.getStringWidth(line + ch) / 1000 * size > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (cp != '\n' && cp != '\r') {
                line.append(ch);
            }
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }
}
