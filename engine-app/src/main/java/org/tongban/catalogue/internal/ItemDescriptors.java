package org.tongban.catalogue.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.InvalidContentException;

/**
 * Reads every {@code process-definitions/<item>/item.yaml} once at start-up. A broken descriptor stops
 * start-up with a message naming the file and the problem.
 */
@Component
public class ItemDescriptors {

    private final List<ServiceItem> items;
    private final Map<String, byte[]> processes = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();

    ItemDescriptors(ResourcePatternResolver resolver, @Value("${tongban.content-location}") String contentLocation)
            throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        String base = contentLocation.endsWith("/") ? contentLocation : contentLocation + "/";
        Resource[] found = resolver.getResources(base + "process-definitions/*/item.yaml");
        List<ServiceItem> loaded = new ArrayList<>();
        for (Resource descriptor : found) {
            String path = "process-definitions/" + folderOf(descriptor) + "/item.yaml";
            ServiceItem item;
            try {
                item = yaml.readValue(descriptor.getInputStream(), ServiceItem.class);
            } catch (IOException e) {
                throw new InvalidContentException(path, "cannot be read: " + e.getMessage());
            }
            DescriptorRules.check(path, item);
            Resource bpmn = descriptor.createRelative(item.process());
            if (!bpmn.exists()) {
                throw new InvalidContentException(path, "process file '" + item.process() + "' does not exist");
            }
            if (paths.containsKey(item.code())) {
                throw new InvalidContentException(path, "item code " + item.code() + " is also used by " + paths.get(item.code()));
            }
            processes.put(item.code(), bpmn.getContentAsByteArray());
            paths.put(item.code(), path);
            loaded.add(item);
        }
        var keys = new HashSet<String>();
        for (ServiceItem item : loaded) {
            if (!keys.add(item.processKey())) {
                throw new InvalidContentException(paths.get(item.code()), "processKey " + item.processKey() + " is used by two items");
            }
        }
        loaded.sort(Comparator.comparing(ServiceItem::code));
        this.items = List.copyOf(loaded);
    }

    private static String folderOf(Resource descriptor) throws IOException {
        String uri = descriptor.getURI().toString();
        String withoutFile = uri.substring(0, uri.lastIndexOf('/'));
        return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
    }

    public List<ServiceItem> items() {
        return items;
    }

    public byte[] processBytes(ServiceItem item) {
        return processes.get(item.code()).clone();
    }

    public String descriptorPath(ServiceItem item) {
        return paths.get(item.code());
    }
}
