package org.tongban.workflow.internal;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flowable 7 leaves a parallel multi-instance (our joint review) through an async job by default; that job
 * races the next department's completion and the lead's task appears only after the executor has run it.
 * We leave synchronously instead: the last reviewer's transaction creates the lead's task, and concurrent
 * completions surface as optimistic-locking conflicts that TaskActions retries (docs/decisions.md).
 * <p>
 * Eager execution-tree fetching loads a process instance's executions (the joint review has one per
 * department plus its root) in one query instead of one per parent; it takes effect only for processes
 * that also declare {@code flowable:isEagerExecutionFetching="true"}, as ours do (docs/benchmark.md).
 */
@Component
class EngineSettings implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final boolean asyncLeave;
    private final boolean eagerFetching;

    EngineSettings(@Value("${tongban.engine.parallel-multi-instance-async-leave:false}") boolean asyncLeave,
            @Value("${tongban.engine.eager-execution-tree-fetching:true}") boolean eagerFetching) {
        this.asyncLeave = asyncLeave;
        this.eagerFetching = eagerFetching;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        engine.setParallelMultiInstanceAsyncLeave(asyncLeave);
        engine.setEnableEagerExecutionTreeFetching(eagerFetching);
    }
}
