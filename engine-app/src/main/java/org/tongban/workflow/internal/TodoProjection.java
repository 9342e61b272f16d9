package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.AbstractCommandInterceptor;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.common.engine.impl.interceptor.CommandContextCloseListener;
import org.flowable.common.engine.impl.interceptor.CommandExecutor;
import org.flowable.common.engine.impl.persistence.cache.EntityCache;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.identitylink.service.impl.persistence.entity.IdentityLinkEntity;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.workflow.internal.TodoCandidateMapper.Row;

/**
 * Keeps tb_todo_candidate (V26) equal to the engine's open process tasks and their candidate-group links, inside the
 * engine command that changes them: the command's task and identity-link events are collected, and once the engine
 * has flushed its own statements the net change is written, in the same transaction (a rolled-back command leaves no
 * trace here either). A task created in the command is inserted from its entity and its links' events; a task that
 * ended is deleted by id when it had candidate links (the engine sends their deletion events before the task's);
 * an existing task whose links changed is rewritten from the links the engine now holds; one that changed otherwise
 * (claimed, unclaimed, transferred) has its rows updated. The joint-review cycle costs one statement a step.
 * ApiTestBase compares the table with the engine's after every test.
 */
@Component
class TodoProjection extends EngineCommandListener implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private static final String CANDIDATE = "candidate";
    /** TaskEntityImpl's persistent-state keys of the columns tb_todo_candidate holds. */
    private static final List<String> MIRRORED = List.of("assignee", "category", "dueDate", "createTime");
    /** Looked up when first used: the mapper's session factory is built after the engine it would configure. */
    private final ObjectProvider<TodoCandidateMapper> tableProvider;

    TodoProjection(ObjectProvider<TodoCandidateMapper> table) {
        this.tableProvider = table;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        listenTo(engine, FlowableEngineEventType.ENTITY_CREATED, FlowableEngineEventType.ENTITY_UPDATED,
                FlowableEngineEventType.ENTITY_DELETED, FlowableEngineEventType.TASK_ASSIGNED);
        // every command gets its Changes, so a task changed without any event is still found (Changes.closing)
        engine.addCustomPostCommandInterceptor(new AbstractCommandInterceptor() {
            @Override
            public <T> T execute(CommandConfig config, Command<T> command, CommandExecutor executor) {
                changes();
                return next.execute(config, command, executor);
            }
        });
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent)) {
            return;
        }
        boolean deleted = event.getType() == FlowableEngineEventType.ENTITY_DELETED;
        if (entityEvent.getEntity() instanceof TaskEntity task) {
            changes().task(task, deleted);
        } else if (entityEvent.getEntity() instanceof IdentityLinkEntity link && link.getTaskId() != null
                && link.getGroupId() != null && CANDIDATE.equals(link.getType())) {
            changes().link(link.getTaskId(), link.getGroupId(), deleted);
        }
    }

    private Changes changes() {
        CommandContext context = Context.getCommandContext();
        Changes changes = (Changes) context.getAttribute(Changes.class.getName());
        if (changes == null) {
            changes = new Changes();
            context.addAttribute(Changes.class.getName(), changes);
            context.addCloseListener(changes);
        }
        return changes;
    }

    /** One command's changes to open tasks, by task id. */
    private final class Changes implements CommandContextCloseListener {

        private final Map<String, TaskEntity> tasks = new LinkedHashMap<>();
        private final Set<String> ended = new LinkedHashSet<>();
        /** Candidate departments added (true) or removed (false), in order, per task. */
        private final Map<String, Map<String, Boolean>> links = new LinkedHashMap<>();

        void task(TaskEntity task, boolean deleted) {
            tasks.put(task.getId(), task);
            if (deleted) {
                ended.add(task.getId());
            }
        }

        void link(String taskId, String department, boolean removed) {
            var departments = links.computeIfAbsent(taskId, id -> new LinkedHashMap<>());
            departments.remove(department); // the last event decides
            departments.put(department, !removed);
        }

        @Override
        public void afterSessionsFlush(CommandContext context) {
            if (tasks.isEmpty() && links.isEmpty()) {
                return; // most commands (and those building the engine, before the mapper exists)
            }
            TodoCandidateMapper table = tableProvider.getObject();
            Set<String> delete = new LinkedHashSet<>();
            Set<String> reread = new LinkedHashSet<>();
            List<Row> insert = new ArrayList<>();
            List<Row> update = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>(tasks.keySet());
            ids.addAll(links.keySet());
            for (String id : ids) {
                TaskEntity task = tasks.containsKey(id) ? tasks.get(id) : CommandContextUtil.getTaskService(context).getTask(id);
                boolean created = task != null && task.isInserted();
                if (task == null || ended.contains(id) || task.isDeleted()) {
                    if (!created && links.containsKey(id)) {
                        delete.add(id);
                    }
                } else if (task.getProcessInstanceId() == null) {
                    continue; // a standalone task is in no department's queue
                } else if (created) {
                    links.getOrDefault(id, Map.of()).forEach((department, present) -> {
                        if (present) {
                            insert.add(row(task, department));
                        }
                    });
                } else if (links.containsKey(id)) {
                    delete.add(id);
                    reread.add(id);
                } else {
                    update.add(row(task, null));
                }
            }
            if (!delete.isEmpty()) {
                table.deleteTasks(delete);
            }
            if (!reread.isEmpty()) {
                table.candidateLinks(reread).forEach(l -> insert.add(row(tasks.containsKey(l.taskId()) ? tasks.get(l.taskId())
                        : CommandContextUtil.getTaskService(context).getTask(l.taskId()), l.department())));
            }
            if (!insert.isEmpty()) {
                table.insert(insert);
            }
            update.forEach(table::update);
        }

        private Row row(TaskEntity task, String department) {
            return new Row(task.getId(), department, task.getAssignee() != null, task.getCategory(), task.getCreateTime(),
                    task.getDueDate());
        }

        /**
         * A task field the table mirrors changed without an event (Flowable flushes any entity that differs from what
         * it loaded, e.g. a category set by process migration): found as the engine finds it, before its flush. A
         * second wall behind the events, which the app's own operations all send.
         */
        @Override
        public void closing(CommandContext context) {
            for (TaskEntity task : context.getSession(EntityCache.class).findInCache(TaskEntity.class)) {
                if (!task.isInserted() && !task.isDeleted() && !tasks.containsKey(task.getId()) && mirroredFieldsChanged(task)) {
                    tasks.put(task.getId(), task);
                }
            }
        }

        private static boolean mirroredFieldsChanged(TaskEntity task) {
            if (!(task.getOriginalPersistentState() instanceof Map<?, ?> loaded) || !(task.getPersistentState() instanceof Map<?, ?> now)) {
                return false;
            }
            return MIRRORED.stream().anyMatch(field -> !Objects.equals(loaded.get(field), now.get(field)));
        }

        @Override
        public void closed(CommandContext context) {
        }

        @Override
        public void closeFailure(CommandContext context) {
        }

        /** Before the engine's own transaction listeners (10,000), after listeners that may still change tasks. */
        @Override
        public Integer order() {
            return 5_000;
        }

        @Override
        public boolean multipleAllowed() {
            return true;
        }
    }
}
