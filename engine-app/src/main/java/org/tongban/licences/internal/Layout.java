package org.tongban.licences.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.tongban.shared.FieldProblem;

/**
 * The declarative layout (版式) of a licence or notice face, from the template's {@code layout:}. Lengths are
 * millimetres measured from the page's top-left corner, as a designer measures a paper form; text positions are
 * baselines. Anything left out takes a default derived from the page size ({@link #filled()}), so a template may
 * give no layout at all, and a landscape page without positions still has everything on the page.
 *
 * @param page A3, A4 or A5; portrait or landscape
 * @param border a frame: colour (#RRGGBB), width and inset in mm; width 0 draws none
 * @param background a colour under everything and/or an image (PNG or JPEG under {@code templates/images/}) stretched over the page
 * @param title the title's baseline and size (centred; the English title and the reference line follow below it)
 * @param fields the label/value rows: left edge, label column width, right margin, first baseline, size, line height, gap between rows
 * @param paragraphs body text (notices): as {@code fields}; without {@code top} it follows the fields
 * @param seal the seal (and the signature's widget): left, top and side length
 * @param qr the QR code to the verification page: left, top and side length (the caption goes below it)
 * @param identifier the GB/T 36904 identifier line: left, baseline and size
 * @param issuer the issuer's name and the date below it: right margin (right-aligned), baseline and size
 */
public record Layout(Page page, Border border, Background background, Text title, Block fields, Block paragraphs,
                     Box seal, Box qr, Text identifier, Text issuer) {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final Map<String, PDRectangle> SIZES = Map.of("A3", PDRectangle.A3, "A4", PDRectangle.A4, "A5", PDRectangle.A5);

    public record Page(String size, String orientation) {
    }

    public record Border(String color, Double width, Double inset) {
    }

    public record Background(String color, String image) {
    }

    public record Text(Double left, Double right, Double top, Double size) {
    }

    public record Block(Double left, Double labelWidth, Double right, Double top, Double size, Double lineHeight, Double gap) {
    }

    public record Box(Double left, Double top, Double size) {
    }

    static float pt(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    /** The page in points; A4 portrait by default. */
    public PDRectangle mediaBox() {
        PDRectangle size = SIZES.getOrDefault(page == null || page.size() == null ? "A4" : page.size(), PDRectangle.A4);
        return page != null && "landscape".equals(page.orientation()) ? new PDRectangle(size.getHeight(), size.getWidth()) : size;
    }

    /** Page width and height in mm. */
    public double width() {
        return mediaBox().getWidth() / POINTS_PER_MM;
    }

    public double height() {
        return mediaBox().getHeight() / POINTS_PER_MM;
    }

    /** This layout with every default filled in (the defaults reproduce the original A4 portrait licence). */
    public Layout filled() {
        double w = width();
        double h = height();
        Page p = new Page(page == null || page.size() == null ? "A4" : page.size(),
                page == null || page.orientation() == null ? "portrait" : page.orientation());
        Border b = border == null ? new Border(null, null, null) : border;
        b = new Border(or(b.color(), "#B01E23"), or(b.width(), 1.0), or(b.inset(), 10.0));
        Background bg = background == null ? new Background(null, null) : background;
        Text t = title == null ? new Text(null, null, null, null) : title;
        t = new Text(t.left(), t.right(), or(t.top(), 39.0), or(t.size(), 26.0));
        Block f = fill(fields, 23.0, 53.0, 23.0, 67.0);
        Block para = paragraphs == null ? new Block(null, null, null, null, null, null, null) : paragraphs;
        para = new Block(or(para.left(), 23.0), 0.0, or(para.right(), 23.0), para.top(), or(para.size(), 12.0),
                or(para.lineHeight(), 7.0), or(para.gap(), 2.0));
        Box s = seal == null ? new Box(null, null, null) : seal;
        s = new Box(or(s.left(), w - 65.6), or(s.top(), h - 73.4), or(s.size(), 41.0));
        Box q = qr == null ? new Box(null, null, null) : qr;
        q = new Box(or(q.left(), 21.2), or(q.top(), h - 54.3), or(q.size(), 29.6));
        Text id = identifier == null ? new Text(null, null, null, null) : identifier;
        id = new Text(or(id.left(), 55.0), null, or(id.top(), h - 25.4), or(id.size(), 8.0));
        Text is = issuer == null ? new Text(null, null, null, null) : issuer;
        is = new Text(null, or(is.right(), 23.3), or(is.top(), h - 52.9), or(is.size(), 14.0));
        return new Layout(p, b, bg, t, f, para, s, q, id, is);
    }

    private static Block fill(Block block, double left, double labelWidth, double right, double top) {
        Block b = block == null ? new Block(null, null, null, null, null, null, null) : block;
        return new Block(or(b.left(), left), or(b.labelWidth(), labelWidth), or(b.right(), right), or(b.top(), top),
                or(b.size(), 12.0), or(b.lineHeight(), 7.0), or(b.gap(), 3.5));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /** What is wrong with this layout (empty when nothing), each at its field: unknown page, bad colours, anything off the page. */
    public List<FieldProblem> problems() {
        var problems = new ArrayList<FieldProblem>();
        // YAML reads .nan, NaN and .inf as numbers, and every comparison below is false for NaN
        for (var part : java.util.Arrays.stream(Layout.class.getRecordComponents()).toList()) {
            finite("layout." + part.getName(), read(part, this), problems);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (page != null && page.size() != null && !SIZES.containsKey(page.size())) {
            problems.add(FieldProblem.of("layout.page.size", "template-option", "layout.page.size", "A3, A4, A5"));
        }
        if (page != null && page.orientation() != null && !List.of("portrait", "landscape").contains(page.orientation())) {
            problems.add(FieldProblem.of("layout.page.orientation", "template-option", "layout.page.orientation", "portrait, landscape"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Layout l = filled();
        double w = width();
        double h = height();
        color("layout.border.color", l.border().color(), problems);
        if (l.background().color() != null) {
            color("layout.background.color", l.background().color(), problems);
        }
        if (l.border().width() < 0 || l.border().width() > 10 || l.border().inset() < 0 || l.border().inset() > Math.min(w, h) / 3) {
            problems.add(FieldProblem.of("layout.border", "template-border"));
        }
        inside("layout.seal", l.seal(), w, h, problems);
        inside("layout.qr", l.qr(), w, h, problems);
        text("layout.title", l.title().top(), l.title().size(), h, problems);
        text("layout.identifier", l.identifier().top(), l.identifier().size(), h, problems);
        text("layout.issuer", l.issuer().top(), l.issuer().size(), h, problems);
        block("layout.fields", l.fields(), w, h, problems);
        block("layout.paragraphs", l.paragraphs(), w, h, problems);
        double flowEnds = Math.min(l.seal().top(), l.issuer().top() - 10);
        if (flowEnds < l.fields().top() + l.fields().lineHeight() * 2
                || (l.paragraphs().top() != null && flowEnds < l.paragraphs().top() + l.paragraphs().lineHeight() * 2)) {
            problems.add(FieldProblem.of("layout.fields.top", "template-no-room", "layout.fields.top", Math.round(flowEnds)));
        }
        if (l.seal().size() < 20) {
            problems.add(FieldProblem.of("layout.seal.size", "template-min-size", "layout.seal.size", 20));
        }
        if (l.qr().size() < 15) {
            problems.add(FieldProblem.of("layout.qr.size", "template-min-size", "layout.qr.size", 15));
        }
        return problems;
    }

    private static Object read(java.lang.reflect.RecordComponent component, Object record) {
        try {
            return record == null ? null : component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void finite(String path, Object part, List<FieldProblem> problems) {
        if (part == null || !part.getClass().isRecord()) {
            return;
        }
        for (var component : part.getClass().getRecordComponents()) {
            if (read(component, part) instanceof Double d && !Double.isFinite(d)) {
                problems.add(FieldProblem.of(path + "." + component.getName(), "template-not-finite", path + "." + component.getName()));
            }
        }
    }

    private static void color(String name, String value, List<FieldProblem> problems) {
        if (value == null || !value.matches("#[0-9A-Fa-f]{6}")) {
            problems.add(FieldProblem.of(name, "template-color", name));
        }
    }

    private static void inside(String name, Box box, double w, double h, List<FieldProblem> problems) {
        if (box.left() < 0 || box.top() < 0 || box.size() <= 0 || box.left() + box.size() > w || box.top() + box.size() > h) {
            problems.add(FieldProblem.of(name, "template-off-page", name, Math.round(w), Math.round(h)));
        }
    }

    private static void text(String name, double top, double size, double h, List<FieldProblem> problems) {
        if (top <= 0 || top > h || size < 5 || size > 72) {
            problems.add(FieldProblem.of(name, "template-text-size", name));
        }
    }

    private static void block(String name, Block b, double w, double h, List<FieldProblem> problems) {
        if (b.left() < 0 || b.right() < 0 || b.left() + b.labelWidth() + b.right() + 20 > w || (b.top() != null && (b.top() <= 0 || b.top() > h))
                || b.size() < 5 || b.size() > 72 || b.lineHeight() <= 0 || b.lineHeight() > 50 || b.gap() < 0 || b.gap() > 50) {
            problems.add(FieldProblem.of(name, "template-block", name));
        }
    }

    static Color rgb(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
