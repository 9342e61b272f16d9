package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.tongban.licences.internal.Layout;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The independent tools the licence and notice tests ask: veraPDF (in process), poppler and qpdf (installed by .ci/run). */
final class PdfChecks {

    private PdfChecks() {
    }

    /** The command's exit code and output: "exit N\n...". */
    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }

    static Path file(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("tongban", ".pdf");
        Files.write(file, pdf);
        file.toFile().deleteOnExit();
        return file;
    }

    /** veraPDF's failed PDF/A-2b rules (clause-test and message); empty when compliant. */
    static List<String> pdfA2bFailures(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            var result = validator.validate(parser);
            return result.isCompliant() ? List.of() : result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                    .distinct().limit(20).toList();
        }
    }

    /** Every font embedded (pdffonts) and no damage (qpdf --check). */
    static void fontsEmbeddedAndUndamaged(Path file) throws Exception {
        String fonts = run("pdffonts", file.toString());
        List<String> rows = fonts.lines().skip(3).filter(l -> !l.isBlank()).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.split("\\s+")).contains("yes"));
        assertThat(fonts).doesNotContain(" no  ");
        assertThat(run("qpdf", "--check", file.toString())).startsWith("exit 0").contains("No syntax or stream encoding errors");
    }

    /**
     * The text of the QR code on the first page, read as a phone would: aimed at the code (the layout's QR box and
     * a quiet margin), not at the whole page, whose text and background can hold false finder patterns.
     */
    static String qrText(byte[] pdf, Layout layout) throws Exception {
        Layout.Box box = (layout == null ? new Layout(null, null, null, null, null, null, null, null, null, null) : layout)
                .filled().qr();
        // As a phone does: aimed at the code, and another frame (here: another resolution) if one does not read.
        Exception last = null;
        try (var document = Loader.loadPDF(pdf)) {
            for (float dpi : new float[] {300, 450, 600}) {
                double pixelsPerMm = dpi / 25.4;
                var page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                int x = (int) Math.max(0, (box.left() - 5) * pixelsPerMm);
                int y = (int) Math.max(0, (box.top() - 5) * pixelsPerMm);
                int side = (int) ((box.size() + 10) * pixelsPerMm);
                var aimed = page.getSubimage(x, y, Math.min(side, page.getWidth() - x), Math.min(side, page.getHeight() - y));
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(aimed))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                } catch (com.google.zxing.ReaderException e) {
                    last = e;
                }
            }
        }
        throw last;
    }
}
