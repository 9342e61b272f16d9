package org.tongban.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.internal.ItemDescriptors;
import org.tongban.shared.DomainException;

/** The approval items on offer, read and validated at start-up from the content location. */
@Service
public class Catalogue {

    private final ItemDescriptors descriptors;

    Catalogue(ItemDescriptors descriptors) {
        this.descriptors = descriptors;
    }

    public List<ServiceItem> items() {
        return descriptors.items();
    }

    public Optional<ServiceItem> find(String code) {
        return descriptors.items().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The item, or a 404 problem naming the unknown code. */
    /** The item whose process has this key (each item has its own). */
    public Optional<ServiceItem> byProcessKey(String processKey) {
        return items().stream().filter(i -> i.processKey().equals(processKey)).findFirst();
    }

    public ServiceItem require(String code) {
        return find(code).orElseThrow(() -> DomainException.notFound("item-not-found", code));
    }

    /** The BPMN shipped with the item (the version deployed at start-up when it changed). */
    public byte[] shippedProcess(ServiceItem item) {
        return descriptors.processBytes(item);
    }

    /** Where the item's descriptor lives, for messages that must name the file. */
    public String descriptorPath(ServiceItem item) {
        return descriptors.descriptorPath(item);
    }
}
