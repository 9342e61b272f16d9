package org.tongban.licences.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes a licence PDF/A-2b besides embedded fonts: the XMP metadata (PDF/A identification, Dublin Core, the
 * document information mirrored exactly, and the licence's own fields in a schema declared by a PDF/A extension
 * schema, GB/T 36903-style) and an sRGB output intent (the JDK's sRGB ICC profile).
 */
final class PdfA {

    static final String NAMESPACE = "https://tongban.org/ns/licence/1.0/";
    static final String PRODUCER = "Tongban (通办) with Apache PDFBox";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** The licence's own metadata, by property name (in the order written), with a description of each. */
    record Field(String value, String description) {
    }

    private PdfA() {
    }

    static Map<String, Field> fields() {
        return new LinkedHashMap<>();
    }

    static void apply(PDDocument document, String title, String author, String subject, Calendar created,
                      Map<String, Field> licence) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator("Tongban (通办)");
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);
        var metadata = new PDMetadata(document, new ByteArrayInputStream(xmp(title, author, subject, created, licence)
                .getBytes(StandardCharsets.UTF_8)));
        document.getDocumentCatalog().setMetadata(metadata);
        var intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    static String xmp(String title, String author, String subject, Calendar created, Map<String, Field> licence) {
        String date = ZonedDateTime.ofInstant(created.toInstant(), created.getTimeZone().toZoneId())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        var properties = new StringBuilder();
        var values = new StringBuilder();
        licence.forEach((name, field) -> {
            properties.append("<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").append(name)
                    .append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>")
                    .append("<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
                    .append(escape(field.description())).append("</pdfaProperty:description></rdf:li>\n");
            values.append("<tbl:").append(name).append('>').append(escape(field.value())).append("</tbl:").append(name).append(">\n");
        });
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                + "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:format>application/pdf</dc:format>"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>"
                + "<dc:creator><rdf:Seq><rdf:li>" + escape(author) + "</rdf:li></rdf:Seq></dc:creator>"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(subject) + "</rdf:li></rdf:Alt></dc:description>"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreateDate>" + date
                + "</xmp:CreateDate><xmp:ModifyDate>" + date + "</xmp:ModifyDate><xmp:MetadataDate>" + date
                + "</xmp:MetadataDate><xmp:CreatorTool>Tongban (通办)</xmp:CreatorTool></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"><pdf:Producer>" + escape(PRODUCER)
                + "</pdf:Producer></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
                + "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">"
                + "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
                + "<pdfaSchema:schema>Tongban e-licence (电子证照, GB/T 36903-style)</pdfaSchema:schema>"
                + "<pdfaSchema:namespaceURI>" + NAMESPACE + "</pdfaSchema:namespaceURI><pdfaSchema:prefix>tbl</pdfaSchema:prefix>"
                + "<pdfaSchema:property><rdf:Seq>\n" + properties + "</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag>"
                + "</pdfaExtension:schemas></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:tbl=\"" + NAMESPACE + "\">\n" + values + "</rdf:Description>\n"
                + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    /** XML text: markup characters escaped, and characters XML 1.0 cannot hold dropped (applicant text is untrusted). */
    static String escape(String text) {
        var out = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
