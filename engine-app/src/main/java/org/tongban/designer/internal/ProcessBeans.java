package org.tongban.designer.internal;

import java.util.Map;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.tongban.designer.ProcessBean;

/**
 * The allowlist of beans BPMN expressions may use: exactly the beans annotated {@link ProcessBean}. The engine
 * is configured with this map, so no other bean (data source, services...) is reachable from a process.
 */
@Component
public class ProcessBeans implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final ApplicationContext context;
    private volatile Map<Object, Object> beans;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        // A lazy view: the annotated beans may not exist yet while the engine is being configured.
        engine.setBeans(new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Entry<Object, Object>> entrySet() {
                return allowed().entrySet();
            }

            @Override
            public Object get(Object key) {
                return allowed().get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return allowed().containsKey(key);
            }
        });
    }

    public boolean allows(String beanName) {
        return allowed().containsKey(beanName);
    }

    private Map<Object, Object> allowed() {
        Map<Object, Object> current = beans;
        if (current == null) {
            current = Map.copyOf(context.getBeansWithAnnotation(ProcessBean.class));
            beans = current;
        }
        return current;
    }
}
