package org.tongban.licences.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.licences.DocumentKind;
import org.tongban.shared.InvalidContentException;

/**
 * Loads the licence templates ({@code templates/licences/}), the notice templates ({@code templates/notices/}, one
 * per {@link DocumentKind}) and the fonts and background images they name, once at start-up; anything missing or
 * broken — an unknown key, a seal off the page, a font that does not parse — stops start-up with the file's name.
 */
@Component
public class LicenceTemplates {

    static final String DEFAULT_FONT = "NotoSerifSC-Regular.ttf";
    private static final String FILE_NAME = "[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*";
    private static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private final Map<String, LicenceTemplate> templates = new HashMap<>();
    private final Map<DocumentKind, NoticeTemplate> notices = new EnumMap<>(DocumentKind.class);
    private final Map<String, byte[]> fonts = new HashMap<>();
    private final Map<String, byte[]> images = new HashMap<>();
    private final ResourcePatternResolver resolver;
    private final String base;

    LicenceTemplates(ResourcePatternResolver resolver, Catalogue catalogue,
                     @Value("${tongban.content-location}") String contentLocation) throws IOException {
        this.resolver = resolver;
        this.base = contentLocation.endsWith("/") ? contentLocation : contentLocation + "/";
        var yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (Resource file : resolver.getResources(base + "templates/licences/*.yaml")) {
            String path = "templates/licences/" + file.getFilename();
            LicenceTemplate template = read(yaml, file, path, LicenceTemplate.class);
            if (template.code() == null || !path.endsWith("/" + template.code() + ".yaml") || template.title() == null
                    || template.fields() == null || template.fields().isEmpty() || template.issuer() == null
                    || template.holder() == null || template.validYears() <= 0 || template.numberPrefix() == null
                    || template.department() == null || template.typeCode() == null || !template.typeCode().matches("[0-9A-Z]{1,32}")
                    || template.issuerCode() == null || !template.issuerCode().matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
                throw new InvalidContentException(path, "needs code (= file name), title, numberPrefix, validYears, holder, fields, "
                        + "issuer, issuerCode (18-character credit code), department and typeCode (letters and digits)");
            }
            checkFace(template, path);
            templates.put(template.code(), template);
        }
        for (Resource file : resolver.getResources(base + "templates/notices/*.yaml")) {
            String path = "templates/notices/" + file.getFilename();
            NoticeTemplate notice = read(yaml, file, path, NoticeTemplate.class);
            if (notice.code() == null || !path.endsWith("/" + notice.code() + ".yaml") || notice.kind() == null
                    || notice.title() == null || notice.paragraphs() == null || notice.paragraphs().isEmpty()) {
                throw new InvalidContentException(path, "needs code (= file name), kind, title and paragraphs");
            }
            if (notices.put(notice.kind(), notice) != null) {
                throw new InvalidContentException(path, "a second template of kind " + notice.kind());
            }
            checkFace(notice, path);
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (!notices.containsKey(kind)) {
                throw new InvalidContentException("templates/notices/", "no template of kind " + kind);
            }
        }
        catalogue.items().forEach(item -> {
            if (!templates.containsKey(item.licenceTemplate())) {
                throw new InvalidContentException(catalogue.descriptorPath(item),
                        "licenceTemplate '" + item.licenceTemplate() + "' not found under templates/licences/");
            }
        });
    }

    private static <T> T read(ObjectMapper yaml, Resource file, String path, Class<T> type) {
        try (var in = file.getInputStream()) {
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new InvalidContentException(path, "cannot be read: " + e.getMessage());
        }
    }

    /** The face's rows, paragraphs and layout, and loads the font and background image it names. */
    private void checkFace(Face face, String path) throws IOException {
        var problems = new ArrayList<String>();
        if (face.title().zh() == null || face.title().zh().isBlank()) {
            problems.add("title.zh is required");
        }
        for (Face.Field field : face.fields() == null ? List.<Face.Field>of() : face.fields()) {
            if (field.label() == null || field.value() == null) {
                problems.add("every field needs label and value");
            } else if ((field.left() == null) != (field.top() == null)) {
                problems.add("field '" + field.label() + "' needs both left and top, or neither");
            } else if (field.left() != null) {
                Layout page = (face.layout() == null ? new Layout(null, null, null, null, null, null, null, null, null, null) : face.layout());
                double right = field.left() + (field.width() == null ? 20 : field.width());
                if (field.left() < 0 || field.top() <= 0 || field.top() > page.height() || right > page.width()
                        || (field.width() != null && field.width() < 20)) {
                    problems.add("field '" + field.label() + "' must lie on the page with at least 20 mm for its value");
                }
            }
        }
        for (Face.Paragraph paragraph : face.paragraphs() == null ? List.<Face.Paragraph>of() : face.paragraphs()) {
            if (paragraph.text() == null || (paragraph.align() != null && !List.of("left", "right").contains(paragraph.align()))) {
                problems.add("every paragraph needs text, and align is left or right");
            }
        }
        Layout layout = face.layout() == null ? new Layout(null, null, null, null, null, null, null, null, null, null) : face.layout();
        problems.addAll(layout.problems());
        if (!problems.isEmpty()) {
            throw new InvalidContentException(path, String.join("; ", problems));
        }
        load(fonts, "templates/fonts/", face.font() == null ? DEFAULT_FONT : face.font(), path, "font", ".ttf");
        if (layout.background() != null && layout.background().image() != null) {
            byte[] image = load(images, "templates/images/", layout.background().image(), path, "background image", ".png", ".jpg", ".jpeg");
            if (image.length > MAX_IMAGE_BYTES || ImageIO.read(new ByteArrayInputStream(image)) == null) {
                throw new InvalidContentException(path, "background image " + layout.background().image() + " is not a PNG or JPEG of at most 2 MB");
            }
        }
    }

    private byte[] load(Map<String, byte[]> cache, String folder, String name, String path, String what, String... endings)
            throws IOException {
        if (!name.matches(FILE_NAME) || java.util.Arrays.stream(endings).noneMatch(name.toLowerCase(java.util.Locale.ROOT)::endsWith)) {
            throw new InvalidContentException(path, what + " '" + name + "' must be a file name in " + folder + " ending in " + String.join(", ", endings));
        }
        if (!cache.containsKey(name)) {
            Resource resource = resolver.getResource(base + folder + name);
            if (!resource.exists()) {
                throw new InvalidContentException(path, what + " " + folder + name + " is missing");
            }
            try (var in = resource.getInputStream()) {
                cache.put(name, in.readAllBytes());
            }
        }
        return cache.get(name);
    }

    public Collection<LicenceTemplate> all() {
        return templates.values();
    }

    public LicenceTemplate require(String code) {
        return templates.get(code);
    }

    public NoticeTemplate notice(DocumentKind kind) {
        return notices.get(kind);
    }

    /** The fonts the templates name, by file name (each loaded once). */
    Map<String, byte[]> fonts() {
        return fonts;
    }

    /** A background image the templates name. */
    byte[] image(String name) {
        return images.get(name);
    }
}
