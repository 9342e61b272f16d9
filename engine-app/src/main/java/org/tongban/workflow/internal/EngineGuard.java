package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.CaseServiceTask;
import org.flowable.bpmn.model.EventListener;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SendEventServiceTask;
import org.flowable.bpmn.model.SendTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.Task;
import org.flowable.bpmn.model.UserTask;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventGateway;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.HasExecutionListeners;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.ThrowEvent;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.el.DefaultExpressionManager;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.bpmn.behavior.DmnActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.ScriptTaskActivityBehavior;
import org.flowable.engine.impl.bpmn.helper.ClassDelegate;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.factory.DefaultActivityBehaviorFactory;
import org.flowable.engine.impl.bpmn.parser.factory.DefaultListenerFactory;
import org.flowable.engine.impl.bpmn.behavior.ServiceTaskExpressionActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.ShellActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.WebServiceActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.CaseTaskActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.ExternalWorkerTaskActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.SendEventTaskActivityBehavior;
import org.flowable.engine.delegate.CustomPropertiesResolver;
import org.flowable.engine.impl.delegate.ActivityBehavior;
import org.flowable.engine.parse.BpmnParseHandler;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.stereotype.Component;

/**
 * The second wall, inside the engine: whatever path a BPMN file takes into Flowable (designer upload,
 * start-up deploy, a future import, a bug in {@link BpmnSafety}), the engine itself cannot build behaviours
 * that run code (scripts, Java classes, shell, HTTP, Camel, DMN, rules, web services, external workers, call
 * activities), evaluates no script in any language, resolves expressions only through
 * {@link GuardedBeanResolver}, and treats user-task documentation as literal text.
 */
@Component
class EngineGuard implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final ProcessBeans beans;

    EngineGuard(ProcessBeans beans) {
        this.beans = beans;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        // Schema validation inside the engine must not resolve a DOCTYPE or external entities either.
        engine.setEnableSafeBpmnXml(true);
        // No EL functions (variables:*, task:get…): task:get reads any task's variables, and processes need none.
        engine.setFlowableFunctionDelegates(new ArrayList<>());
        engine.setActivityBehaviorFactory(new Behaviours());
        engine.setListenerFactory(new Listeners());
        engine.setScriptEngine(() -> {
            throw refused("script", "script evaluation");
        });
        engine.addExpressionManagerConfigurer(manager ->
                ((DefaultExpressionManager) manager).setBeanResolver(new GuardedBeanResolver(beans)));
        List<BpmnParseHandler> handlers = new ArrayList<>();
        if (engine.getPreBpmnParseHandlers() != null) {
            handlers.addAll(engine.getPreBpmnParseHandlers());
        }
        handlers.add(new ParseGuard());
        engine.setPreBpmnParseHandlers(handlers);
    }

    static FlowableException refused(String element, String what) {
        return new FlowableException("Tongban engine guard: " + what + " is not allowed (" + element + ")");
    }

    /** Checks made while the engine parses, before any behaviour exists. */
    static final class ParseGuard implements BpmnParseHandler {

        /** Every element that can carry listeners, loop characteristics or conditions (dispatch is by exact class). */
        private static final Set<Class<? extends BaseElement>> TYPES = Set.of(UserTask.class, ServiceTask.class,
                SubProcess.class, EventSubProcess.class, Task.class, ManualTask.class, SendTask.class, ReceiveTask.class,
                ScriptTask.class, BusinessRuleTask.class, CallActivity.class, SequenceFlow.class, StartEvent.class,
                EndEvent.class, BoundaryEvent.class, IntermediateCatchEvent.class, ThrowEvent.class,
                ExclusiveGateway.class, ParallelGateway.class, InclusiveGateway.class, EventGateway.class,
                org.flowable.bpmn.model.Process.class);
        private static final Set<String> CODE_LISTENERS = Set.of(ImplementationType.IMPLEMENTATION_TYPE_CLASS,
                ImplementationType.IMPLEMENTATION_TYPE_SCRIPT, ImplementationType.IMPLEMENTATION_TYPE_INSTANCE);

        @Override
        public Collection<Class<? extends BaseElement>> getHandledTypes() {
            return TYPES;
        }

        @Override
        public void parse(BpmnParse parse, BaseElement element) {
            if (element instanceof SequenceFlow flow && flow.getConditionLanguage() != null) {
                throw refused(flow.getId(), "a condition in language " + flow.getConditionLanguage());
            }
            if (element instanceof Activity activity && activity.getLoopCharacteristics() != null
                    && (activity.getLoopCharacteristics().getHandler() != null
                    || activity.getLoopCharacteristics().getAggregations() != null)) {
                throw refused(activity.getId(), "a collection handler or variable aggregation");
            }
            if (element instanceof HasExecutionListeners owner) {
                owner.getExecutionListeners().forEach(l -> refuseCode(element.getId(), l));
            }
            if (element instanceof UserTask task) {
                task.getTaskListeners().forEach(l -> refuseCode(element.getId(), l));
            }
            if (element instanceof org.flowable.bpmn.model.Process process) {
                for (EventListener listener : process.getEventListeners()) {
                    if (!"delegateExpression".equals(listener.getImplementationType())) {
                        throw refused(process.getId(), "an event listener of type " + listener.getImplementationType());
                    }
                }
            }
            if (element instanceof UserTask task && task.getDocumentation() != null) {
                // The engine evaluates task documentation as the task description: escape it to literal text.
                task.setDocumentation(task.getDocumentation().replace("${", "\\${").replace("#{", "\\#{"));
            }
        }
    }

    /** Listeners are instantiated lazily at run time; refuse code-running ones when the file is parsed. */
    private static void refuseCode(String element, FlowableListener listener) {
        if (ParseGuard.CODE_LISTENERS.contains(listener.getImplementationType()) || listener.getScriptInfo() != null) {
            throw refused(element, "a listener of type " + listener.getImplementationType());
        }
    }

    /** Flowable's behaviours minus everything that runs code or calls out. */
    static final class Behaviours extends DefaultActivityBehaviorFactory {

        @Override
        public ClassDelegate createClassDelegateServiceTask(ServiceTask task) {
            throw refused(task.getId(), "a Java class delegate");
        }

        @Override
        public ServiceTaskExpressionActivityBehavior createServiceTaskExpressionActivityBehavior(ServiceTask task) {
            throw refused(task.getId(), "an expression service task");
        }

        @Override
        public WebServiceActivityBehavior createWebServiceActivityBehavior(ServiceTask task, BpmnModel model) {
            throw refused(task.getId(), "a web service task");
        }

        @Override
        public WebServiceActivityBehavior createWebServiceActivityBehavior(SendTask task, BpmnModel model) {
            throw refused(task.getId(), "a web service task");
        }

        @Override
        public ActivityBehavior createMailActivityBehavior(ServiceTask task) {
            throw refused(task.getId(), "a mail task");
        }

        @Override
        public ActivityBehavior createMailActivityBehavior(SendTask task) {
            throw refused(task.getId(), "a mail task");
        }

        @Override
        public ActivityBehavior createCamelActivityBehavior(ServiceTask task) {
            throw refused(task.getId(), "a Camel task");
        }

        @Override
        public ActivityBehavior createCamelActivityBehavior(SendTask task) {
            throw refused(task.getId(), "a Camel task");
        }

        @Override
        public DmnActivityBehavior createDmnActivityBehavior(ServiceTask task) {
            throw refused(task.getId(), "a DMN task");
        }

        @Override
        public DmnActivityBehavior createDmnActivityBehavior(SendTask task) {
            throw refused(task.getId(), "a DMN task");
        }

        @Override
        public ActivityBehavior createHttpActivityBehavior(ServiceTask task) {
            throw refused(task.getId(), "an HTTP task");
        }

        @Override
        public ShellActivityBehavior createShellActivityBehavior(ServiceTask task) {
            throw refused(task.getId(), "a shell task");
        }

        @Override
        public ActivityBehavior createBusinessRuleTaskActivityBehavior(BusinessRuleTask task) {
            throw refused(task.getId(), "a business rule task");
        }

        @Override
        public ScriptTaskActivityBehavior createScriptTaskActivityBehavior(ScriptTask task) {
            throw refused(task.getId(), "a script task");
        }

        @Override
        public SendEventTaskActivityBehavior createSendEventTaskBehavior(SendEventServiceTask task) {
            throw refused(task.getId(), "a send-event task");
        }

        @Override
        public ExternalWorkerTaskActivityBehavior createExternalWorkerTaskBehavior(ExternalWorkerServiceTask task) {
            throw refused(task.getId(), "an external worker task");
        }

        @Override
        public CallActivityBehavior createCallActivityBehavior(CallActivity activity) {
            throw refused(activity.getId(), "a call activity");
        }

        @Override
        public CaseTaskActivityBehavior createCaseTaskBehavior(CaseServiceTask task) {
            throw refused(task.getId(), "a case task");
        }
    }

    /** Listeners only by delegate expression (resolved among allow-listed beans) or guarded expression. */
    static final class Listeners extends DefaultListenerFactory {

        @Override
        public TaskListener createClassDelegateTaskListener(FlowableListener listener) {
            throw refused(listener.getImplementation(), "a Java class listener");
        }

        @Override
        public TaskListener createScriptTypeTaskListener(FlowableListener listener) {
            throw refused(listener.getId(), "a script listener");
        }

        @Override
        public ExecutionListener createClassDelegateExecutionListener(FlowableListener listener) {
            throw refused(listener.getImplementation(), "a Java class listener");
        }

        @Override
        public ExecutionListener createScriptTypeExecutionListener(FlowableListener listener) {
            throw refused(listener.getId(), "a script listener");
        }

        @Override
        public FlowableEventListener createClassDelegateEventListener(EventListener listener) {
            throw refused(listener.getImplementation(), "a Java class event listener");
        }

        @Override
        public CustomPropertiesResolver createClassDelegateCustomPropertiesResolver(FlowableListener listener) {
            throw refused(listener.getImplementation(), "a Java class properties resolver");
        }
    }
}
