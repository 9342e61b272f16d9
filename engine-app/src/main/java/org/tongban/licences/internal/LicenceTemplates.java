package org.tongban.licences.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.shared.InvalidContentException;

/** Loads licence templates and the licence font at start-up; a missing or broken one stops start-up. */
@Component
public class LicenceTemplates {

    private final Map<String, LicenceTemplate> templates = new HashMap<>();
    private final Resource font;

    LicenceTemplates(ResourcePatternResolver resolver, Catalogue catalogue,
                     @Value("${tongban.content-location}") String contentLocation) throws IOException {
        String base = contentLocation.endsWith("/") ? contentLocation : contentLocation + "/";
        var yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (Resource file : resolver.getResources(base + "templates/licences/*.yaml")) {
            String path = "templates/licences/" + file.getFilename();
            LicenceTemplate template;
            try {
                template = yaml.readValue(file.getInputStream(), LicenceTemplate.class);
            } catch (IOException e) {
                throw new InvalidContentException(path, "cannot be read: " + e.getMessage());
            }
            if (template.code() == null || !path.endsWith("/" + template.code() + ".yaml") || template.title() == null
                    || template.fields() == null || template.fields().isEmpty() || template.issuer() == null
                    || template.holder() == null || template.validYears() <= 0 || template.numberPrefix() == null
                    || template.department() == null || template.typeCode() == null || !template.typeCode().matches("[0-9A-Z]{1,32}")
                    || template.issuerCode() == null || !template.issuerCode().matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
                throw new InvalidContentException(path, "needs code (= file name), title, numberPrefix, validYears, holder, fields, "
                        + "issuer, issuerCode (18-character credit code), department and typeCode (letters and digits)");
            }
            templates.put(template.code(), template);
        }
        catalogue.items().forEach(item -> {
            if (!templates.containsKey(item.licenceTemplate())) {
                throw new InvalidContentException(catalogue.descriptorPath(item),
                        "licenceTemplate '" + item.licenceTemplate() + "' not found under templates/licences/");
            }
        });
        font = resolver.getResource(base + "templates/fonts/NotoSerifSC-Regular.ttf");
        if (!font.exists()) {
            throw new InvalidContentException("templates/fonts/NotoSerifSC-Regular.ttf", "licence font is missing");
        }
    }

    public java.util.Collection<LicenceTemplate> all() {
        return templates.values();
    }

    public LicenceTemplate require(String code) {
        return templates.get(code);
    }

    public Resource font() {
        return font;
    }
}
