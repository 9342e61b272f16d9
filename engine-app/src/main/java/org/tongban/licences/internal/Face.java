package org.tongban.licences.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import org.tongban.shared.LocalizedText;

/**
 * What a licence face or a notice shows, declared in its template: title, label/value rows, paragraphs, layout and
 * font. Values are {@code ${...}} placeholders filled in one pass ({@link Placeholders}).
 */
public interface Face {

    LocalizedText title();

    /** A line under the title (a notice's document number); none by default. */
    default String reference() {
        return null;
    }

    List<Field> fields();

    List<Paragraph> paragraphs();

    Layout layout();

    /** A TrueType font under {@code templates/fonts/}; null for the default. */
    String font();

    /**
     * A label/value row. Rows flow down the {@code fields} block; one with {@code left} and {@code top} (mm, baseline)
     * is printed there instead, its value wrapped within {@code width} mm (default: to the right margin).
     */
    record Field(String label, String value, Double left, Double top, Double width) {
    }

    /**
     * A paragraph of body text: indented by two characters (首行缩进) unless {@code indent: false}; {@code align: right}
     * for a closing line. A plain string is an indented paragraph.
     */
    record Paragraph(String text, Boolean indent, String align) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Paragraph of(String text) {
            return new Paragraph(text, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Paragraph(@com.fasterxml.jackson.annotation.JsonProperty("text") String text,
                         @com.fasterxml.jackson.annotation.JsonProperty("indent") Boolean indent,
                         @com.fasterxml.jackson.annotation.JsonProperty("align") String align) {
            this.text = text;
            this.indent = indent;
            this.align = align;
        }

        boolean indented() {
            return indent == null || indent;
        }

        boolean right() {
            return "right".equals(align);
        }
    }
}
