package org.tongban.designer.internal;

import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.javax.el.BeanELResolver;
import org.flowable.common.engine.impl.javax.el.ELContext;
import org.flowable.common.engine.impl.javax.el.MethodNotFoundException;
import org.flowable.common.engine.impl.javax.el.PropertyNotFoundException;
import org.flowable.common.engine.impl.javax.el.PropertyNotWritableException;

/**
 * The engine's bean resolver, restricted: the second wall behind the deployment check. Flowable's default
 * resolver reflects on any object ({@code ''.getClass().forName(...)}); this one reads and calls only the
 * read-only members of the running execution or task and the exposed methods of allow-listed process beans,
 * and writes nothing. It replaces the default in the engine's resolver chain, so no expression — whatever
 * path its BPMN took into the engine — can reach {@code Class}, class loaders or reflection.
 */
final class GuardedBeanResolver extends BeanELResolver {

    private final ProcessBeans beans;

    GuardedBeanResolver(ProcessBeans beans) {
        super(true);
        this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            return null;
        }
        if (!allowed(base, String.valueOf(property))) {
            throw new PropertyNotFoundException("Property '" + property + "' is not readable from process expressions");
        }
        return super.getValue(context, base, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null) {
            return null;
        }
        if (!allowed(base, String.valueOf(method))) {
            throw new MethodNotFoundException("Method '" + method + "' may not be called from process expressions");
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            throw new PropertyNotWritableException("Process expressions cannot write properties");
        }
    }

    private boolean allowed(Object base, String member) {
        if (base instanceof VariableContainer) {
            return ExpressionRules.CONTEXT_READS.contains(member);
        }
        return beans.exposesOn(base, member);
    }
}
