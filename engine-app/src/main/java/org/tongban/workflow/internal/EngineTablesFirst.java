package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine creates (or upgrades) its ACT_* tables before Flyway migrates: Flyway's migrations may then add indexes
 * to the engine's tables (V23: the to-do query's ACT_RU_TASK(ASSIGNEE_) and (OWNER_)), on a fresh database as on an
 * old one. Without this Spring would run Flyway first (MyBatis depends on it, and many beans need MyBatis), before
 * Flowable had created anything. Flyway's {@code baseline-on-migrate} accepts the schema the engine has created.
 * Safe because building the engine reads none of our tables: its configurers reach our beans only through
 * ObjectProviders at run time, and its job executor starts after the context is refreshed.
 */
@Configuration(proxyBeanMethods = false)
class EngineTablesFirst {

    static final String FLYWAY = "flywayInitializer";
    static final String ENGINE = "processEngine";

    @Bean
    static BeanFactoryPostProcessor flywayAfterTheEngine() {
        return factory -> {
            if (factory.containsBeanDefinition(FLYWAY) && factory.containsBeanDefinition(ENGINE)) {
                BeanDefinition flyway = factory.getBeanDefinition(FLYWAY);
                var dependsOn = new ArrayList<>(flyway.getDependsOn() == null ? java.util.List.of() : Arrays.asList(flyway.getDependsOn()));
                dependsOn.add(ENGINE);
                flyway.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
