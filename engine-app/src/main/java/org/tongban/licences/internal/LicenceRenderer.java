package org.tongban.licences.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders a licence face with PDFBox: Chinese text in an embedded subset of Noto Serif SC (TrueType).
 * A parsed {@link TrueTypeFont} reads its glyph tables lazily from one shared reader, so it is not safe for two
 * renderings at once. Instead of one lock around one font, renderings borrow a font from a small pool, parsed on
 * demand from the font bytes read once at start-up.
 */
@Component
public class LicenceRenderer {

    private static final float MARGIN = 56;
    private final byte[] fontBytes;
    private final BlockingQueue<TrueTypeFont> idle;
    private final Semaphore unparsed;

    LicenceRenderer(LicenceTemplates templates) throws IOException {
        try (var in = templates.font().getInputStream()) {
            this.fontBytes = in.readAllBytes();
        }
        int size = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.idle = new ArrayBlockingQueue<>(size);
        this.unparsed = new Semaphore(size);
        idle.add(parse()); // fails start-up on a broken font, not the first licence
        unparsed.acquireUninterruptibly();
    }

    private TrueTypeFont parse() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
    }

    /** An idle font, a newly parsed one while the pool is not full, else the next one returned. */
    private TrueTypeFont borrow() throws IOException {
        TrueTypeFont font = idle.poll();
        if (font != null) {
            return font;
        }
        if (unparsed.tryAcquire()) {
            try {
                return parse();
            } catch (IOException | RuntimeException e) {
                unparsed.release();
                throw e;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the licence font", e);
        }
    }

    /** Where the seal is on the page: the signature's widget covers it. */
    public static final PDRectangle SEAL = new PDRectangle(595.28f - MARGIN - 130, 92, 116, 116);

    /**
     * Renders the face as PDF/A-2b (not yet signed).
     *
     * @param values placeholder values: form.*, holder.*, licence.* (number, identifier, verifyUrl, dates), case.*, item.*
     * @param metadata the licence's own XMP fields
     */
    public byte[] render(LicenceTemplate template, Map<String, String> values, String subject, Calendar created,
                         Map<String, PdfA.Field> metadata) {
        TrueTypeFont font;
        try {
            font = borrow();
        } catch (IOException e) {
            throw new UncheckedIOException("licence font cannot be parsed", e);
        }
        try {
            try (PDDocument document = new PDDocument()) {
                PDType0Font type0 = PDType0Font.load(document, font, true);
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PdfA.apply(document, template.title().zh() + " " + values.getOrDefault("licence.number", ""), template.issuer(),
                        subject, created, metadata);
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
                        for (String line : wrap(type0, 12, printable(font, Placeholders.fill(field.value(), values)), width - 2 * MARGIN - 170)) {
                            text(out, type0, 12, MARGIN + 160, y, line);
                            y -= 20;
                        }
                        y -= 10;
                    }
                    String issuerX = template.issuer();
                    text(out, type0, 14, width - MARGIN - 10 - type0.getStringWidth(issuerX) / 1000 * 14, 150, issuerX);
                    String date = values.getOrDefault("licence.issuedDate", "");
                    text(out, type0, 12, width - MARGIN - 10 - type0.getStringWidth(date) / 1000 * 12, 128, date);
                    Seal.draw(out, type0, printable(font, template.issuer()), SEAL);
                    String verifyUrl = values.get("licence.verifyUrl");
                    if (verifyUrl != null) {
                        QrCode.draw(out, verifyUrl, MARGIN + 4, 70, 84);
                        text(out, type0, 8, MARGIN + 4, 60, "扫码核验 Scan to verify");
                    }
                    String identifier = values.get("licence.identifier");
                    if (identifier != null) {
                        text(out, type0, 8, MARGIN + 100, 72, "证照标识 Identifier：" + identifier);
                    }
                }
                var bytes = new ByteArrayOutputStream();
                document.save(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("licence rendering failed", e);
            }
        } finally {
            idle.add(font);
        }
    }

    /** Replaces characters the font has no glyph for, so unusual input never fails an issued licence. */
    private static String printable(TrueTypeFont font, String text) throws IOException {
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
