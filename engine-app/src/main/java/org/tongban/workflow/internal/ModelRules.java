package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.Artifact;
import org.flowable.bpmn.model.Association;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.DataStoreReference;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FieldExtension;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.Task;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TextAnnotation;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.bpmn.model.ValuedDataObject;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.FieldProblem;
import org.tongban.workflow.ProcessVariables;

/**
 * Walks the model the engine's own converter built — the exact structure Flowable will execute — and
 * allows only what an approval flow needs: events (none, timer, message), user tasks, gateways, sequence
 * flows, embedded sub-processes, service tasks calling an allow-listed process bean, and the harmless
 * modelling constructs other tools write (plain/manual tasks, data objects and stores, annotations, lanes,
 * pools). Every expression the engine will evaluate goes through {@link ExpressionRules}. Documentation and
 * annotations are text, never checked as code (the engine guard keeps them literal).
 */
final class ModelRules {

    static final Set<String> STEP_CATEGORIES = Set.of("acceptance", "review", "joint-review", "decision", "correction",
            "consolidation");
    private static final Set<Class<?>> FLOW_ELEMENTS = Set.of(StartEvent.class, EndEvent.class, UserTask.class,
            ExclusiveGateway.class, ParallelGateway.class, InclusiveGateway.class, SequenceFlow.class, SubProcess.class,
            BoundaryEvent.class, IntermediateCatchEvent.class, ServiceTask.class, Task.class, ManualTask.class,
            DataStoreReference.class);
    private static final Set<Class<?>> ARTIFACTS = Set.of(TextAnnotation.class, Association.class);
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$");
    /** Upper bound of a literal multi-instance cardinality (one task per instance). */
    static final int MAX_INSTANCES = 50;
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_]\\w{0,63}");

    private final ProcessBeans beans;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Set<String> variables = new HashSet<>();
    private ExpressionRules expressions;
    private List<String> reviewDepartments = List.of();

    private ModelRules(ProcessBeans beans) {
        this.beans = beans;
    }

    static List<FieldProblem> check(BpmnModel model, ServiceItem item, ProcessBeans beans) {
        var rules = new ModelRules(beans);
        rules.checkModel(model, item);
        return rules.problems;
    }

    private void checkModel(BpmnModel model, ServiceItem item) {
        if (!model.getImports().isEmpty() || !model.getInterfaces().isEmpty()) {
            refuse("bpmn-element-not-allowed", "definitions", "import/interface");
        }
        Process own = model.getProcesses().stream()
                .filter(p -> p.isExecutable() && p.getId().equals(item.processKey())).findFirst().orElse(null);
        if (own == null) {
            refuse("bpmn-process-key", item.processKey());
        }
        for (Process process : model.getProcesses()) {
            if (process.isExecutable() && process != own) {
                // One upload, one item: another executable pool would deploy as a version of another item.
                refuse("bpmn-executable-process", process.getId(), item.processKey());
            }
        }
        if (own == null) {
            return;
        }
        variables.addAll(ProcessVariables.PLATFORM);
        variables.addAll(ProcessVariables.MULTI_INSTANCE);
        variables.addAll(item.declaredVariables());
        declareVariables(own.getFlowElements());
        own.getDataObjects().forEach(d -> variables.add(d.getName()));
        expressions = new ExpressionRules(new ExpressionRules.Scope() {
            @Override
            public boolean isVariable(String name) {
                return variables.contains(name);
            }

            @Override
            public boolean isBean(String name) {
                // the countersign bean only in the one completion condition checked by CountersignSpec
                return beans.allows(name) && !CountersignBean.NAME.equals(name);
            }

            @Override
            public boolean exposes(String bean, String method) {
                return isBean(bean) && beans.exposes(bean, method);
            }
        });
        reviewDepartments = item.jointReviewSpec().map(ServiceItem.JointReview::departments).orElse(List.of());
        for (Process process : model.getProcesses()) {
            checkProcess(process, process == own);
        }
    }

    /** Names an execution creates for itself: multi-instance element and index variables, the initiator. */
    private void declareVariables(Collection<FlowElement> elements) {
        for (FlowElement element : elements) {
            if (element instanceof Activity activity && activity.getLoopCharacteristics() != null) {
                declare(activity.getId(), activity.getLoopCharacteristics().getElementVariable());
                declare(activity.getId(), activity.getLoopCharacteristics().getElementIndexVariable());
            }
            if (element instanceof StartEvent start) {
                declare(start.getId(), start.getInitiator());
            }
            if (element instanceof SubProcess sub) {
                declareVariables(sub.getFlowElements());
            }
        }
    }

    private void declare(String where, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (VARIABLE_NAME.matcher(name).matches()) {
            variables.add(name);
        } else {
            refuse("bpmn-variable-name", where, name);
        }
    }

    private void checkProcess(Process process, boolean executable) {
        checkCommon(process, process.getId());
        if (!process.getEventListeners().isEmpty()) {
            refuse("bpmn-listener-not-allowed", process.getId(), "eventListener");
        }
        process.getExecutionListeners().forEach(l -> checkListener(process.getId(), l));
        for (String starter : concat(process.getCandidateStarterUsers(), process.getCandidateStarterGroups())) {
            if (!expressions.isLiteral(starter)) {
                refuse("bpmn-expression-not-allowed", process.getId(), starter, "candidateStarter");
            }
        }
        if (process.getIoSpecification() != null) {
            refuse("bpmn-element-not-allowed", process.getId(), "ioSpecification");
        }
        for (Artifact artifact : process.getArtifacts()) {
            if (!ARTIFACTS.contains(artifact.getClass())) {
                refuse("bpmn-element-not-allowed", artifact.getId(), artifact.getClass().getSimpleName());
            }
        }
        checkElements(process.getFlowElements(), executable);
    }

    private void checkElements(Collection<FlowElement> elements, boolean executable) {
        for (FlowElement element : elements) {
            if (element instanceof ValuedDataObject) {
                continue; // a typed constant: the engine sets it as a variable, it runs nothing
            }
            if (!FLOW_ELEMENTS.contains(element.getClass())) {
                refuse("bpmn-element-not-allowed", element.getId(), element.getClass().getSimpleName());
                continue;
            }
            checkCommon(element, element.getId(), element instanceof UserTask);
            // Flowable evaluates every flow element's name when it records the activity instance.
            expression(element.getId(), element.getName());
            element.getExecutionListeners().forEach(l -> checkListener(element.getId(), l));
            if (element instanceof Activity activity) {
                checkActivity(activity);
            }
            if (element instanceof Event event) {
                checkEvent(event);
            }
            if (element instanceof UserTask task) {
                checkUserTask(task, executable);
            } else if (element instanceof ServiceTask task) {
                checkServiceTask(task);
            } else if (element instanceof SequenceFlow flow) {
                checkFlow(flow);
            } else if (element instanceof SubProcess sub) {
                checkElements(sub.getFlowElements(), executable);
            }
        }
    }

    /** Vendor extensions and custom attributes the converter kept: none is part of our vocabulary. */
    private void checkCommon(BaseElement element, String where) {
        checkCommon(element, where, false);
    }

    /** {@code countersign}: whether tongban:countersign is checked elsewhere (user tasks, {@link CountersignSpec}). */
    private void checkCommon(BaseElement element, String where, boolean countersign) {
        for (var extension : element.getExtensionElements().entrySet()) {
            boolean ours = countersign && CountersignSpec.ELEMENT.equals(extension.getKey())
                    && extension.getValue().stream().allMatch(e -> CountersignSpec.NAMESPACE.equals(e.getNamespace()));
            if (!ours) {
                refuse("bpmn-extension-not-allowed", where, extension.getKey());
            }
        }
        for (Map.Entry<String, ?> attribute : element.getAttributes().entrySet()) {
            refuse("bpmn-extension-not-allowed", where, attribute.getKey());
        }
    }

    private void checkActivity(Activity activity) {
        String where = activity.getId();
        if (!activity.getMapExceptions().isEmpty() || activity.getIoSpecification() != null
                || !activity.getDataInputAssociations().isEmpty() || !activity.getDataOutputAssociations().isEmpty()) {
            refuse("bpmn-element-not-allowed", where, "mapException/ioSpecification/dataAssociation");
        }
        expression(where, activity.getFailedJobRetryTimeCycleValue());
        MultiInstanceLoopCharacteristics loop = activity.getLoopCharacteristics();
        if (loop != null) {
            if (loop.getHandler() != null || loop.getAggregations() != null || notEmpty(loop.getCollectionString())) {
                refuse("bpmn-extension-not-allowed", where, "collection/variableAggregation");
            }
            expression(where, loop.getInputDataItem());
            checkCardinality(where, loop.getLoopCardinality());
            if (!(activity instanceof UserTask task && "joint-review".equals(task.getCategory()))) {
                expression(where, loop.getCompletionCondition());
            }
        }
    }

    /** A fixed number of parallel or sequential instances, bounded so one case cannot flood a queue. */
    private void checkCardinality(String where, String cardinality) {
        if (cardinality == null || cardinality.isBlank()) {
            return;
        }
        String literal = cardinality.trim();
        if (!literal.matches("\\d{1,3}") || Integer.parseInt(literal) < 1 || Integer.parseInt(literal) > MAX_INSTANCES) {
            refuse("bpmn-loop-cardinality", where, literal.length() > 40 ? literal.substring(0, 40) + "…" : literal, MAX_INSTANCES);
        }
    }

    private void checkEvent(Event event) {
        String where = event.getId();
        if (!event.getInParameters().isEmpty() || !event.getOutParameters().isEmpty()) {
            refuse("bpmn-extension-not-allowed", where, "in/out");
        }
        if (event instanceof StartEvent && !event.getEventDefinitions().isEmpty()) {
            // A case starts only when an applicant submits: timer or message starts would create cases nobody filed.
            refuse("bpmn-element-not-allowed", where, "timer/message/signal start event");
            return;
        }
        for (EventDefinition definition : event.getEventDefinitions()) {
            checkCommon(definition, where);
            if (definition instanceof TimerEventDefinition timer) {
                expression(where, timer.getTimeDate());
                expression(where, timer.getTimeDuration());
                expression(where, timer.getTimeCycle());
                expression(where, timer.getEndDate());
                expression(where, timer.getCalendarName());
            } else if (definition instanceof MessageEventDefinition message) {
                expression(where, message.getMessageExpression());
            } else if (!(definition instanceof TerminateEventDefinition && event instanceof EndEvent)) {
                refuse("bpmn-element-not-allowed", where, definition.getClass().getSimpleName());
            }
        }
        if (event instanceof StartEvent start) {
            if (!start.getFormProperties().isEmpty()) {
                refuse("bpmn-extension-not-allowed", where, "formProperty");
            }
            expression(where, start.getFormKey());
            expression(where, start.getValidateFormFields());
        }
    }

    private void checkUserTask(UserTask task, boolean executable) {
        String where = task.getId();
        if (!task.getFormProperties().isEmpty()) {
            refuse("bpmn-extension-not-allowed", where, "formProperty");
        }
        if (!task.getCustomUserIdentityLinks().isEmpty() || !task.getCustomGroupIdentityLinks().isEmpty()
                || !task.getCustomProperties().isEmpty() || notEmpty(task.getExtensionId())) {
            refuse("bpmn-extension-not-allowed", where, "customIdentityLink/customProperty/extensionId");
        }
        task.getTaskListeners().forEach(l -> checkListener(where, l));
        CountersignSpec.check(task, reviewDepartments, problems);
        // Flowable evaluates each of these as an expression when it creates the task.
        for (String text : List.of(nullToEmpty(task.getAssignee()),
                nullToEmpty(task.getOwner()), nullToEmpty(task.getPriority()), nullToEmpty(task.getFormKey()),
                nullToEmpty(task.getDueDate()), nullToEmpty(task.getBusinessCalendarName()),
                nullToEmpty(task.getCategory()), nullToEmpty(task.getSkipExpression()),
                nullToEmpty(task.getValidateFormFields()), nullToEmpty(task.getTaskIdVariableName()),
                nullToEmpty(task.getTaskCompleterVariableName()))) {
            expression(where, text);
        }
        task.getCandidateUsers().forEach(u -> expression(where, u));
        task.getCandidateGroups().forEach(g -> expression(where, g));
        if (executable && (task.getCategory() == null || !STEP_CATEGORIES.contains(task.getCategory()))) {
            refuse("bpmn-step-category", where, String.join("/", STEP_CATEGORIES));
        }
    }

    /** A service task may only call an allow-listed process bean: {@code flowable:delegateExpression="${bean}"}. */
    private void checkServiceTask(ServiceTask task) {
        String where = task.getId();
        boolean delegate = ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(task.getImplementationType());
        if (notEmpty(task.getType()) || !delegate || notEmpty(task.getOperationRef()) || !task.getCustomProperties().isEmpty()
                || notEmpty(task.getResultVariableName())) {
            String what = notEmpty(task.getType()) ? "type=" + task.getType()
                    : notEmpty(task.getImplementationType()) ? task.getImplementationType() : "implementation";
            refuse("bpmn-service-task", where, what);
            return;
        }
        checkBeanReference(where, task.getImplementation());
        expression(where, task.getSkipExpression());
        checkFields(where, task.getFieldExtensions());
    }

    private void checkFlow(SequenceFlow flow) {
        if (flow.getConditionLanguage() != null) {
            refuse("bpmn-script", flow.getId());
        }
        expression(flow.getId(), flow.getConditionExpression());
        expression(flow.getId(), flow.getSkipExpression());
    }

    private void checkListener(String where, FlowableListener listener) {
        if (!ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(listener.getImplementationType())
                || listener.getScriptInfo() != null || notEmpty(listener.getCustomPropertiesResolverImplementation())) {
            refuse("bpmn-listener-not-allowed", where, nullToEmpty(listener.getImplementationType()));
            return;
        }
        checkBeanReference(where, listener.getImplementation());
        checkFields(where, listener.getFieldExtensions());
    }

    private void checkFields(String where, List<FieldExtension> fields) {
        for (FieldExtension field : fields) {
            expression(where, field.getExpression());
        }
    }

    private void checkBeanReference(String where, String implementation) {
        Matcher m = BEAN_REFERENCE.matcher(nullToEmpty(implementation));
        if (!m.matches() || !beans.allows(m.group(1)) || CountersignBean.NAME.equals(m.group(1))) {
            refuse("bpmn-bean-not-allowed", where, nullToEmpty(implementation));
        }
    }

    private void expression(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        expressions.violation(text).ifPresent(offending ->
                refuse("syntax".equals(offending) ? "bpmn-expression-malformed" : "bpmn-expression-not-allowed",
                        where, text.length() > 200 ? text.substring(0, 200) + "…" : text, offending));
    }

    private void refuse(String code, Object... args) {
        problems.add(FieldProblem.of("bpmn", code, args));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a);
        all.addAll(b);
        return all;
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
