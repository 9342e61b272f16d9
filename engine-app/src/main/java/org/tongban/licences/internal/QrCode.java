package org.tongban.licences.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code drawn as vector squares (crisp at any zoom, no image in the PDF/A file). */
final class QrCode {

    /** Modules of white around the code: ISO/IEC 18004's quiet zone is 4; with 2 a busy background misread. */
    static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    /** Draws {@code text} as a QR code of {@code size} points with its lower left corner at (x, y). */
    static void draw(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IOException("QR code cannot hold " + text.length() + " characters", e);
        }
        int modules = matrix.getWidth();
        float cell = size / modules;
        out.setNonStrokingColor(Color.WHITE);
        out.addRect(x, y, size, size);
        out.fill();
        out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        out.fill();
    }
}
