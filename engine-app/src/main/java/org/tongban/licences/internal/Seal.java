package org.tongban.licences.internal;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/** The issuing department's seal (印章) on the face: a red ring, a star and the issuer's name along the upper arc. */
final class Seal {

    private static final Color RED = new Color(0xD0, 0x12, 0x12);

    private Seal() {
    }

    static void draw(PDPageContentStream out, PDType0Font font, String issuer, PDRectangle box) throws IOException {
        float cx = box.getLowerLeftX() + box.getWidth() / 2;
        float cy = box.getLowerLeftY() + box.getHeight() / 2;
        float r = Math.min(box.getWidth(), box.getHeight()) / 2 - 2;
        out.saveGraphicsState();
        out.setStrokingColor(RED);
        out.setNonStrokingColor(RED);
        out.setLineWidth(2.5f);
        circle(out, cx, cy, r);
        out.stroke();
        star(out, cx, cy, r * 0.28f);
        out.fill();
        int n = issuer.codePointCount(0, issuer.length());
        float size = Math.min(13, (float) (Math.PI * r * 0.8 / Math.max(n, 1)));
        double from = Math.toRadians(200), to = Math.toRadians(-20), step = n > 1 ? (from - to) / (n - 1) : 0;
        int i = 0;
        for (int offset = 0; offset < issuer.length(); ) {
            int cp = issuer.codePointAt(offset);
            String ch = new String(Character.toChars(cp));
            double angle = n > 1 ? from - i * step : Math.PI / 2;
            float w = font.getStringWidth(ch) / 1000 * size;
            double tx = cx + (r - size - 3) * Math.cos(angle);
            double ty = cy + (r - size - 3) * Math.sin(angle);
            double rotation = angle - Math.PI / 2; // the glyph's baseline along the tangent, its top outwards
            out.beginText();
            out.setFont(font, size);
            out.setTextMatrix(Matrix.getRotateInstance(rotation, (float) (tx - Math.cos(rotation) * w / 2), (float) (ty - Math.sin(rotation) * w / 2)));
            out.showText(ch);
            out.endText();
            offset += Character.charCount(cp);
            i++;
        }
        out.restoreGraphicsState();
    }

    private static void circle(PDPageContentStream out, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        out.moveTo(cx + r, cy);
        out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.closePath();
    }

    private static void star(PDPageContentStream out, float cx, float cy, float r) throws IOException {
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float radius = i % 2 == 0 ? r : r * 0.382f;
            float x = (float) (cx + radius * Math.cos(angle));
            float y = (float) (cy + radius * Math.sin(angle));
            if (i == 0) {
                out.moveTo(x, y);
            } else {
                out.lineTo(x, y);
            }
        }
        out.closePath();
    }
}
