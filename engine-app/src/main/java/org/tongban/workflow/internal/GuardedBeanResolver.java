package org.tongban.workflow.internal;

import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.task.service.delegate.DelegateTask;
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
        if (!allowed(context, base, String.valueOf(property))) {
            throw new PropertyNotFoundException("Property '" + property + "' is not readable from process expressions");
        }
        return super.getValue(context, base, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null) {
            return null;
        }
        if (!allowed(context, base, String.valueOf(method))) {
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

    private boolean allowed(ELContext context, Object base, String member) {
        if (base instanceof VariableContainer) {
            return ExpressionRules.CONTEXT_READS.contains(member) && isCurrent(context, base);
        }
        return beans.exposesOn(base, member);
    }

    /**
     * Only the execution or task the expression is evaluated for (or a task's own execution): never another
     * case's, however an expression got hold of it.
     */
    private static boolean isCurrent(ELContext context, Object base) {
        Object current = context.getContext(VariableContainer.class);
        if (base == current) {
            return true;
        }
        return current instanceof DelegateTask task && base instanceof DelegateExecution execution
                && execution.getId() != null && execution.getId().equals(task.getExecutionId());
    }
}
