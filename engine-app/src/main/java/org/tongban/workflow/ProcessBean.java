package org.tongban.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN processes may name in expressions and delegate expressions. No other bean
 * is visible to the engine: this is the allowlist designers deploy against. An expression may call only the
 * bean's methods marked {@link Exposed}; the engine's expression resolver enforces the same list at run time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessBean {

    /** A method of a {@link ProcessBean} that expressions may call (e.g. a completion condition). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Exposed {
    }
}
