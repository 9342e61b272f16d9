package org.tongban.workflow.internal;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.tongban.workflow.ProcessBean;

/**
 * The allowlist of beans BPMN expressions may use: exactly the beans annotated {@link ProcessBean}, and of
 * those only the methods marked {@link ProcessBean.Exposed}. The engine is configured with this map, so no
 * other bean (data source, services...) is reachable from a process.
 */
@Component
public class ProcessBeans implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final ApplicationContext context;
    private volatile Map<Object, Object> beans;
    private volatile Map<String, Set<String>> exposed;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        // A lazy view: the annotated beans may not exist yet while the engine is being configured.
        engine.setBeans(new AbstractMap<>() {
            @Override
            public Set<Entry<Object, Object>> entrySet() {
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

    /** Whether {@code method} of the named bean is marked {@link ProcessBean.Exposed}. */
    public boolean exposes(String beanName, String method) {
        allowed();
        return exposed.getOrDefault(beanName, Set.of()).contains(method);
    }

    /** Whether {@code target} is one of the allow-listed bean instances and exposes {@code method}. */
    public boolean exposesOn(Object target, String method) {
        for (var entry : allowed().entrySet()) {
            if (entry.getValue() == target) {
                return exposes((String) entry.getKey(), method);
            }
        }
        return false;
    }

    private Map<Object, Object> allowed() {
        Map<Object, Object> current = beans;
        if (current == null) {
            Map<String, Object> found = context.getBeansWithAnnotation(ProcessBean.class);
            exposed = found.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    e -> Arrays.stream(AopUtils.getTargetClass(e.getValue()).getMethods())
                            .filter(m -> m.isAnnotationPresent(ProcessBean.Exposed.class))
                            .map(java.lang.reflect.Method::getName).collect(Collectors.toUnmodifiableSet())));
            current = Map.copyOf(found);
            beans = current;
        }
        return current;
    }
}
