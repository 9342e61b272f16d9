package org.tongban.licences.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

/**
 * Renders a licence face or a notice from its template's {@link Face} and {@link Layout} with PDFBox, as PDF/A-2b
 * (not yet signed): Chinese text in an embedded subset of the template's TrueType font. Text that does not fit on
 * one page continues on the next; the issuer, date, seal, QR code and identifier go on the last page.
 */
@Component
public class LicenceRenderer {

    /** A face longer than this is refused (a template's check renders it first): no licence or notice needs more. */
    static final int MAX_PAGES = 20;
    /** A value key the renderer reads, never a template's placeholder: text drawn lightly across every page. */
    static final String WATERMARK = "render.watermark";

    private final Map<String, FontPool> fonts = new HashMap<>();
    private final TemplateFiles templates;

    LicenceRenderer(TemplateFiles templates) throws IOException {
        this.templates = templates;
        for (var font : templates.fonts().entrySet()) {
            fonts.put(font.getKey(), new FontPool(font.getValue()));
        }
    }

    /** Where the seal is on the last page (PDF user space): the signature's widget covers it. */
    public static PDRectangle seal(Face face) {
        Layout l = filled(face);
        float size = Layout.pt(l.seal().size());
        return new PDRectangle(Layout.pt(l.seal().left()), l.mediaBox().getHeight() - Layout.pt(l.seal().top()) - size, size, size);
    }

    private static Layout filled(Face face) {
        return (face.layout() == null ? new Layout(null, null, null, null, null, null, null, null, null, null) : face.layout()).filled();
    }

    /**
     * @param issuer the issuing department's name (printed, and on the seal)
     * @param values placeholder values: form.*, holder.*, licence.* (number, identifier, verifyUrl, dates), case.*, item.*, document.*
     * @param metadata the document's own XMP fields
     */
    public byte[] render(Face face, String issuer, Map<String, String> values, String title, String subject, Calendar created,
                         Map<String, PdfA.Field> metadata) {
        FontPool pool = fonts.get(face.font() == null ? TemplateFiles.DEFAULT_FONT : face.font());
        TrueTypeFont font;
        try {
            font = pool.borrow();
        } catch (IOException e) {
            throw new UncheckedIOException("licence font cannot be parsed", e);
        }
        try (PDDocument document = new PDDocument()) {
            PdfA.apply(document, title, issuer, subject, created, metadata);
            new Pages(document, PDType0Font.load(document, font, true), font, filled(face)).write(face, issuer, values);
            var bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("licence rendering failed", e);
        } finally {
            pool.giveBack(font);
        }
    }

    /** One rendering: the pages written so far and where the next line goes. */
    private final class Pages {
        private final PDDocument document;
        private final PDType0Font type0;
        private final TrueTypeFont font;
        private final Layout l;
        private final float width;
        private final float height;
        /** Flowing text stops above the issuer block and the seal, and continues on a new page. */
        private final float bottom;
        private PDPageContentStream out;
        private float y;
        private PDImageXObject background;
        private String watermark;

        Pages(PDDocument document, PDType0Font type0, TrueTypeFont font, Layout layout) {
            this.document = document;
            this.type0 = type0;
            this.font = font;
            this.l = layout;
            this.width = layout.mediaBox().getWidth();
            this.height = layout.mediaBox().getHeight();
            this.bottom = height - Layout.pt(Math.min(layout.seal().top(), layout.issuer().top() - 10));
        }

        void write(Face face, String issuer, Map<String, String> values) throws IOException {
            watermark = values.get(WATERMARK);
            newPage();
            try {
                float titleSize = l.title().size().floatValue();
                float titleY = top(l.title().top());
                String zh = printable(face.title().zh());
                text(titleSize, l.title().left() != null ? Layout.pt(l.title().left()) : centred(titleSize, zh), titleY, zh);
                float line = titleY;
                if (face.title().en() != null && !face.title().en().isBlank()) {
                    float size = Math.max(8, titleSize * 0.46f);
                    line -= titleSize * 0.85f;
                    String en = printable(face.title().en());
                    text(size, l.title().left() != null ? Layout.pt(l.title().left()) : centred(size, en), line, en);
                }
                if (face.reference() != null) {
                    String reference = printable(Placeholders.fill(face.reference(), values));
                    line -= 22;
                    text(12, centred(12, reference), line, reference);
                }
                fields(face.fields() == null ? List.of() : face.fields(), values);
                paragraphs(face.paragraphs() == null ? List.of() : face.paragraphs(), values);
                closing(issuer, values);
            } finally {
                out.close();
            }
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            if (document.getNumberOfPages() >= MAX_PAGES) {
                throw new IllegalStateException("the face needs more than " + MAX_PAGES + " pages");
            }
            PDPage page = new PDPage(l.mediaBox());
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            if (l.background().color() != null) {
                out.setNonStrokingColor(Layout.rgb(l.background().color()));
                out.addRect(0, 0, width, height);
                out.fill();
            }
            if (l.background().image() != null) {
                if (background == null) { // one image object for every page
                    background = PDImageXObject.createFromByteArray(document, templates.image(l.background().image()), l.background().image());
                }
                out.drawImage(background, 0, 0, width, height);
            }
            if (l.border().width() > 0) {
                float inset = Layout.pt(l.border().inset());
                out.setStrokingColor(Layout.rgb(l.border().color()));
                out.setLineWidth(Layout.pt(l.border().width()));
                out.addRect(inset, inset, width - 2 * inset, height - 2 * inset);
                out.stroke();
            }
            if (watermark != null) {
                float size = Math.min(width, height) / 9;
                out.setNonStrokingColor(new Color(0xD8, 0xD8, 0xD8));
                out.beginText();
                out.setFont(type0, size);
                out.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(30),
                        (width - width(size, watermark) * 0.87f) / 2, height / 2 - size * 2));
                out.showText(printable(watermark));
                out.endText();
            }
            out.setNonStrokingColor(Color.BLACK);
            y = top(l.fields().top());
        }

        private void fields(List<Face.Field> fields, Map<String, String> values) throws IOException {
            Layout.Block b = l.fields();
            float size = b.size().floatValue();
            float right = width - Layout.pt(b.right());
            for (Face.Field field : fields) {
                String label = printable(field.label());
                String value = printable(Placeholders.fill(field.value(), values));
                if (field.left() != null) {
                    float x = Layout.pt(field.left());
                    float fy = top(field.top());
                    String shown = label.isEmpty() ? "" : label + "：";
                    text(size, x, fy, shown);
                    float vx = x + width(size, shown);
                    float limit = field.width() != null ? x + Layout.pt(field.width()) : right;
                    for (String part : wrap(size, value, limit - vx, limit - vx)) {
                        text(size, vx, fy, part);
                        fy -= Layout.pt(b.lineHeight());
                    }
                    continue;
                }
                float vx = Layout.pt(b.left() + b.labelWidth());
                text(size, Layout.pt(b.left()), room(), label + "：");
                for (String part : wrap(size, value, right - vx, right - vx)) {
                    text(size, vx, room(), part);
                    y -= Layout.pt(b.lineHeight());
                }
                y -= Layout.pt(b.gap());
            }
        }

        private void paragraphs(List<Face.Paragraph> paragraphs, Map<String, String> values) throws IOException {
            Layout.Block b = l.paragraphs();
            if (b.top() != null && document.getNumberOfPages() == 1) {
                y = Math.min(y, top(b.top())); // never back up over rows already printed
            }
            float size = b.size().floatValue();
            float left = Layout.pt(b.left());
            float right = width - Layout.pt(b.right());
            for (Face.Paragraph paragraph : paragraphs) {
                float indent = paragraph.indented() ? 2 * size : 0;
                boolean first = true;
                for (String part : wrap(size, printable(Placeholders.fill(paragraph.text(), values)), right - left - indent, right - left)) {
                    float x = paragraph.right() ? right - width(size, part) : left + (first ? indent : 0);
                    text(size, x, room(), part);
                    y -= Layout.pt(b.lineHeight());
                    first = false;
                }
                y -= Layout.pt(b.gap());
            }
        }

        /** The current line's baseline, on a new page if the flow reached the closing block. */
        private float room() throws IOException {
            if (y < bottom) {
                newPage();
            }
            return y;
        }

        /** The issuer and date (right-aligned), the seal, the QR code and the identifier, on the last page. */
        private void closing(String issuer, Map<String, String> values) throws IOException {
            float size = l.issuer().size().floatValue();
            float right = width - Layout.pt(l.issuer().right());
            String name = printable(issuer);
            float iy = top(l.issuer().top());
            text(size, right - width(size, name), iy, name);
            String date = values.getOrDefault("licence.issuedDate", values.getOrDefault("document.date", ""));
            float dateSize = Math.max(8, size - 2);
            text(dateSize, right - width(dateSize, date), iy - size * 1.6f, date);
            PDRectangle seal = new PDRectangle(Layout.pt(l.seal().left()), height - Layout.pt(l.seal().top() + l.seal().size()),
                    Layout.pt(l.seal().size()), Layout.pt(l.seal().size()));
            Seal.draw(out, type0, name, seal);
            String verifyUrl = values.get("licence.verifyUrl");
            if (verifyUrl != null) {
                float qrSize = Layout.pt(l.qr().size());
                float qx = Layout.pt(l.qr().left());
                float qy = height - Layout.pt(l.qr().top()) - qrSize;
                QrCode.draw(out, verifyUrl, qx, qy, qrSize);
                text(8, qx, qy - 10, "扫码核验 Scan to verify");
            }
            String identifier = values.get("licence.identifier");
            if (identifier != null) {
                float idSize = l.identifier().size().floatValue();
                text(idSize, Layout.pt(l.identifier().left()), top(l.identifier().top()), "证照标识 Identifier：" + identifier);
            }
        }

        private float top(double mm) {
            return height - Layout.pt(mm);
        }

        private void text(float size, float x, float baseline, String text) throws IOException {
            out.beginText();
            out.setFont(type0, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text.replace('\n', ' ')); // only wrapped text may hold line breaks; the font has no glyph for one
            out.endText();
        }

        private float width(float size, String text) throws IOException {
            return type0.getStringWidth(text.replace('\n', ' ')) / 1000 * size;
        }

        private float centred(float size, String text) throws IOException {
            return (width - width(size, text)) / 2;
        }

        /** Replaces characters the font has no glyph for, so unusual input never fails an issued licence. */
        private String printable(String text) throws IOException {
            var cmap = font.getUnicodeCmapLookup();
            var printable = new StringBuilder();
            // CR (of CRLF) and tabs have no glyph: dropped and made a space rather than printed as "?"
            text.codePoints().filter(cp -> cp != '\r').map(cp -> cp == '\t' ? ' ' : cp)
                    .forEach(cp -> printable.appendCodePoint(cp == '\n' || cmap.getGlyphId(cp) > 0 ? cp : '?'));
            return printable.toString();
        }

        private static boolean latin(int cp) {
            return cp < 0x80 && Character.isLetterOrDigit(cp);
        }

        /** Breaks text into lines (the first at most {@code first} wide, the rest {@code rest}); CJK may break anywhere. */
        private List<String> wrap(float size, String text, float first, float rest) throws IOException {
            var lines = new ArrayList<String>();
            var line = new StringBuilder();
            float lineWidth = 0; // kept as it grows: measuring the whole line again for each character was quadratic
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float max = lines.isEmpty() ? first : rest;
                float chWidth = cp == '\n' || cp == '\r' ? 0 : width(size, ch);
                if (cp == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                } else if (!line.isEmpty() && lineWidth + chWidth > max) {
                    // CJK breaks anywhere, but a Latin word or number (a case number, a credit code) moves whole
                    int start = line.length();
                    while (start > 0 && latin(line.charAt(start - 1))) {
                        start--;
                    }
                    boolean wholeWord = latin(cp) && start > 0 && start < line.length();
                    String carried = wholeWord ? line.substring(start) : "";
                    lines.add(line.substring(0, wholeWord ? start : line.length()));
                    line.setLength(0);
                    line.append(carried);
                    lineWidth = carried.isEmpty() ? 0 : width(size, carried);
                }
                if (cp != '\n' && cp != '\r') {
                    line.append(ch);
                    lineWidth += chWidth;
                }
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
            return lines;
        }
    }
}
