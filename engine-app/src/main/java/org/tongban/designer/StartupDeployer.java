package org.tongban.designer;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.InvalidContentException;
import org.tongban.workflow.ClusterLocks;
import org.tongban.workflow.ProcessDefinitions;

/**
 * Validates and deploys every item's shipped BPMN before the web server opens. A broken process stops
 * start-up with a message naming the file and the problems. Nodes starting together take turns (a database lock):
 * the first deploys what changed, the others find it deployed and deploy nothing.
 */
@Component
class StartupDeployer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupDeployer.class);

    static final String LOCK = "tongban-content-deployment";

    private final Catalogue catalogue;
    private final ProcessDefinitions definitions;
    private final ClusterLocks locks;

    StartupDeployer(Catalogue catalogue, ProcessDefinitions definitions, ClusterLocks locks) {
        this.catalogue = catalogue;
        this.definitions = definitions;
        this.locks = locks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // a deployment takes seconds; a lock older than 5 minutes belongs to a node that died holding it
        locks.runExclusively(LOCK, Duration.ofMinutes(5), Duration.ofMinutes(10), this::deployAll);
    }

    private void deployAll() {
        for (ServiceItem item : catalogue.items()) {
            byte[] bpmn = catalogue.shippedProcess(item);
            var problems = definitions.check(item, bpmn);
            String path = catalogue.descriptorPath(item).replace("item.yaml", item.process());
            if (!problems.isEmpty()) {
                throw new InvalidContentException(path, problems.stream()
                        .map(p -> p.code() + " " + p.args()).toList().toString());
            }
            var version = definitions.deployChecked(item, bpmn);
            log.info("Item {}: process {} version {}", item.code(), item.processKey(), version.version());
        }
    }
}
