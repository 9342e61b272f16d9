package org.tongban.licences.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.licences.DocumentKind;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.InvalidContentException;

/**
 * The template files shipped with the content: licence templates ({@code templates/licences/}), notice templates
 * ({@code templates/notices/}, one per {@link DocumentKind}), every TrueType font under {@code templates/fonts/}
 * and every PNG/JPEG under {@code templates/images/} — read once at start-up. A template, shipped or sent from the
 * designer studio, is parsed and checked here ({@link #parseLicence}): anything wrong is a problem at its field, and
 * a shipped file with a problem stops start-up naming the file.
 */
@Component
public class TemplateFiles {

    static final String DEFAULT_FONT = "NotoSerifSC-Regular.ttf";
    private static final String FILE_NAME = "[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*";
    private static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true) // a missing validYears reads as 0: "required", with the rest
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, LicenceTemplate> shipped = new HashMap<>();
    private final Map<String, String> shippedText = new TreeMap<>();
    private final Map<DocumentKind, NoticeTemplate> notices = new EnumMap<>(DocumentKind.class);
    private final Map<String, byte[]> fonts = new TreeMap<>();
    /** Every image file with a usable name; null for one that is not a PNG or JPEG of at most 2 MB. */
    private final Map<String, byte[]> images = new TreeMap<>();

    TemplateFiles(ResourcePatternResolver resolver, Catalogue catalogue,
                  @Value("${tongban.content-location}") String contentLocation) throws IOException {
        String base = contentLocation.endsWith("/") ? contentLocation : contentLocation + "/";
        for (Resource file : resolver.getResources(base + "templates/fonts/*.ttf")) {
            if (file.getFilename() != null && file.getFilename().matches(FILE_NAME)) {
                fonts.put(file.getFilename(), bytes(file));
            }
        }
        for (String ending : List.of("png", "jpg", "jpeg", "PNG", "JPG", "JPEG")) {
            for (Resource file : resolver.getResources(base + "templates/images/*." + ending)) {
                if (file.getFilename() != null && file.getFilename().matches(FILE_NAME)) {
                    byte[] image = bytes(file);
                    boolean usable = image.length <= MAX_IMAGE_BYTES && ImageIO.read(new ByteArrayInputStream(image)) != null;
                    images.put(file.getFilename(), usable ? image : null);
                }
            }
        }
        for (Resource file : resolver.getResources(base + "templates/licences/*.yaml")) {
            String path = "templates/licences/" + file.getFilename();
            String text = new String(bytes(file), StandardCharsets.UTF_8);
            LicenceTemplate template = shippedOrStop(path, () -> parseLicence(text));
            if (!path.endsWith("/" + template.code() + ".yaml")) {
                throw new InvalidContentException(path, "code '" + template.code() + "' must be the file's name");
            }
            shipped.put(template.code(), template);
            shippedText.put(template.code(), text);
        }
        for (Resource file : resolver.getResources(base + "templates/notices/*.yaml")) {
            String path = "templates/notices/" + file.getFilename();
            String text = new String(bytes(file), StandardCharsets.UTF_8);
            NoticeTemplate notice = shippedOrStop(path, () -> parseNotice(text));
            if (!path.endsWith("/" + notice.code() + ".yaml")) {
                throw new InvalidContentException(path, "code '" + notice.code() + "' must be the file's name");
            }
            if (notices.put(notice.kind(), notice) != null) {
                throw new InvalidContentException(path, "a second template of kind " + notice.kind());
            }
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (!notices.containsKey(kind)) {
                throw new InvalidContentException("templates/notices/", "no template of kind " + kind);
            }
        }
        catalogue.items().forEach(item -> {
            if (!shipped.containsKey(item.licenceTemplate())) {
                throw new InvalidContentException(catalogue.descriptorPath(item),
                        "licenceTemplate '" + item.licenceTemplate() + "' not found under templates/licences/");
            }
        });
    }

    private static byte[] bytes(Resource file) throws IOException {
        try (var in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static <T> T shippedOrStop(String path, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException refused) {
            throw InvalidContentException.of(path, refused.fieldProblems());
        }
    }

    /** A licence template's YAML, parsed and checked; 400 with each problem at its field. */
    public LicenceTemplate parseLicence(String text) {
        LicenceTemplate template = read(text, LicenceTemplate.class);
        var problems = new ArrayList<FieldProblem>();
        required(problems, "code", template.code() != null && template.code().matches(FILE_NAME));
        required(problems, "title", template.title() != null);
        required(problems, "numberPrefix", template.numberPrefix() != null && template.numberPrefix().matches("[0-9A-Z]{1,20}"));
        required(problems, "validYears", template.validYears() >= 1 && template.validYears() <= 50);
        required(problems, "holder", template.holder() != null && template.holder().name() != null && template.holder().idNumber() != null);
        required(problems, "fields", template.fields() != null && !template.fields().isEmpty());
        required(problems, "issuer", template.issuer() != null && !template.issuer().isBlank());
        required(problems, "issuerCode", template.issuerCode() != null && template.issuerCode().matches("[0-9A-HJ-NPQRTUWXY]{18}"));
        required(problems, "department", template.department() != null && template.department().matches("[A-Za-z0-9_-]{1,64}"));
        required(problems, "typeCode", template.typeCode() != null && template.typeCode().matches("[0-9A-Z]{1,32}"));
        checkFace(template, problems);
        return checked(template, problems);
    }

    NoticeTemplate parseNotice(String text) {
        NoticeTemplate notice = read(text, NoticeTemplate.class);
        var problems = new ArrayList<FieldProblem>();
        required(problems, "code", notice.code() != null && notice.code().matches(FILE_NAME));
        required(problems, "kind", notice.kind() != null);
        required(problems, "title", notice.title() != null);
        required(problems, "paragraphs", notice.paragraphs() != null && !notice.paragraphs().isEmpty());
        checkFace(notice, problems);
        return checked(notice, problems);
    }

    private static <T> T checked(T template, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return template;
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            T template = YAML.readValue(text, type);
            if (template == null) {
                throw DomainException.invalid(FieldProblem.of("template", "template-yaml", 1));
            }
            return template;
        } catch (UnrecognizedPropertyException e) {
            return refuse(FieldProblem.of(path(e), "template-unknown-key", path(e)));
        } catch (JsonMappingException e) {
            return refuse(e.getPath().isEmpty() ? FieldProblem.of("template", "template-yaml", line(e))
                    : FieldProblem.of(path(e), "template-type", path(e)));
        } catch (JsonProcessingException e) { // YAML syntax, too many aliases (billion laughs), too long
            return refuse(FieldProblem.of("template", "template-yaml", line(e)));
        }
    }

    private static <T> T refuse(FieldProblem problem) {
        throw DomainException.invalid(problem);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    /** Jackson's path as the template's own: {@code layout.seal.left}, {@code fields[2].label}. */
    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "template" : path.toString();
    }

    private static void required(List<FieldProblem> problems, String field, boolean present) {
        if (!present) {
            problems.add(FieldProblem.of(field, "template-required", field));
        }
    }

    /** At most this many rows and paragraphs, and characters in a text: a face is one to a few pages. */
    static final int MAX_ITEMS = 50;
    static final int MAX_TEXT = 2000;
    static final int MAX_LINE = 200;

    /** The face's rows, paragraphs and layout, and that its font and background image are ones we have. */
    private void checkFace(Face face, List<FieldProblem> problems) {
        if (face.title() != null && (face.title().zh() == null || face.title().zh().isBlank())) {
            problems.add(FieldProblem.of("title.zh", "template-required", "title.zh"));
        }
        if (face.title() != null) {
            length(problems, "title.zh", face.title().zh(), MAX_LINE);
            length(problems, "title.en", face.title().en(), MAX_LINE);
        }
        length(problems, "reference", face.reference(), MAX_LINE);
        Layout page = layout(face);
        List<Face.Field> fields = face.fields() == null ? List.of() : face.fields();
        List<Face.Paragraph> paragraphs = face.paragraphs() == null ? List.of() : face.paragraphs();
        if (fields.size() > MAX_ITEMS) {
            problems.add(FieldProblem.of("fields", "template-too-many", "fields", MAX_ITEMS));
        }
        if (paragraphs.size() > MAX_ITEMS) {
            problems.add(FieldProblem.of("paragraphs", "template-too-many", "paragraphs", MAX_ITEMS));
        }
        for (int i = 0; i < fields.size(); i++) {
            Face.Field field = fields.get(i);
            String at = "fields[" + i + "]";
            if (field != null) {
                length(problems, at + ".label", field.label(), MAX_LINE);
                length(problems, at + ".value", field.value(), MAX_TEXT);
            }
            if (field == null || field.label() == null || field.value() == null) {
                problems.add(FieldProblem.of(at, "template-required", at + ".label, " + at + ".value"));
            } else if (java.util.stream.Stream.of(field.left(), field.top(), field.width()).anyMatch(d -> d != null && !Double.isFinite(d))) {
                problems.add(FieldProblem.of(at, "template-not-finite", at));
            } else if ((field.left() == null) != (field.top() == null)) {
                problems.add(FieldProblem.of(at, "template-field-position", at));
            } else if (field.left() != null) {
                double right = field.left() + (field.width() == null ? 20 : field.width());
                if (field.left() < 0 || field.top() <= 0 || field.top() > page.height() || right > page.width()
                        || (field.width() != null && field.width() < 20)) {
                    problems.add(FieldProblem.of(at, "template-field-width", at));
                }
            }
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            Face.Paragraph paragraph = paragraphs.get(i);
            if (paragraph != null) {
                length(problems, "paragraphs[" + i + "].text", paragraph.text(), MAX_TEXT);
            }
            if (paragraph == null || paragraph.text() == null) {
                problems.add(FieldProblem.of("paragraphs[" + i + "]", "template-required", "paragraphs[" + i + "].text"));
            } else if (paragraph.align() != null && !List.of("left", "right").contains(paragraph.align())) {
                problems.add(FieldProblem.of("paragraphs[" + i + "].align", "template-option", "paragraphs[" + i + "].align", "left, right"));
            }
        }
        problems.addAll(page.problems());
        String font = face.font() == null ? DEFAULT_FONT : face.font();
        if (!fonts.containsKey(font)) {
            problems.add(FieldProblem.of("font", "template-font", font, String.join(", ", fonts.keySet())));
        }
        if (page.background() != null && page.background().image() != null && images.get(page.background().image()) == null) {
            var usable = new TreeSet<String>();
            images.forEach((name, bytes) -> {
                if (bytes != null) {
                    usable.add(name);
                }
            });
            problems.add(FieldProblem.of("layout.background.image", "template-image", page.background().image(), String.join(", ", usable)));
        }
    }

    private static void length(List<FieldProblem> problems, String field, String text, int max) {
        if (text != null && text.length() > max) {
            problems.add(FieldProblem.of(field, "template-too-long", field, max));
        }
    }

    static Layout layout(Face face) {
        return face.layout() == null ? new Layout(null, null, null, null, null, null, null, null, null, null) : face.layout();
    }

    /** The licence templates as shipped (their files), by code: what start-up deploys, and what fixes each one's identity. */
    public Collection<LicenceTemplate> shipped() {
        return shipped.values();
    }

    LicenceTemplate shipped(String code) {
        return shipped.get(code);
    }

    /** A shipped template's file text. */
    String shippedText(String code) {
        return shippedText.get(code);
    }

    Map<String, String> shippedTexts() {
        return shippedText;
    }

    public NoticeTemplate notice(DocumentKind kind) {
        return notices.get(kind);
    }

    /** Every font under templates/fonts/, by file name. */
    Map<String, byte[]> fonts() {
        return fonts;
    }

    /** A usable background image under templates/images/, or null. */
    byte[] image(String name) {
        return images.get(name);
    }
}
