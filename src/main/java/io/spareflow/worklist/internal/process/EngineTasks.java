package io.spareflow.worklist.internal.process;

import io.spareflow.common.ConflictException;
import io.spareflow.common.ForbiddenException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.common.ProcessVariables;
import io.spareflow.common.SingleEngineCommand;
import io.spareflow.user.StaffUser;
import io.spareflow.worklist.TaskStep;
import io.spareflow.worklist.TaskView;
import io.spareflow.worklist.TaskTexts;
import io.spareflow.worklist.internal.CandidateGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist over the engine's tasks: a user sees the tasks assigned to them and those offered to their groups
 * ({@link CandidateGroups}), limited to tasks at a location they may act at.
 */
@Component
@Transactional
public class EngineTasks {

    private static final String TASK_NAMES = "task.";
    private static final int MAX_TASKS = 200;

    private final TaskService tasks;
    private final FormService forms;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final CandidateGroups groups;
    private final MessageSource messages;
    private final SingleEngineCommand command;
    private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

    EngineTasks(TaskService tasks, FormService forms, RuntimeService runtime, RepositoryService repository,
                CandidateGroups groups, MessageSource messages, SingleEngineCommand command) {
        this.tasks = tasks;
        this.forms = forms;
        this.runtime = runtime;
        this.repository = repository;
        this.groups = groups;
        this.messages = messages;
        this.command = command;
    }

    /**
     * A snapshot: each task is read in its own engine command (no surrounding transaction), so a task that another
     * request completes meanwhile just drops out of the list instead of failing it. The tasks' case numbers and
     * locations are read in one query, and each step's form once.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<OpenTask> tasksFor(StaffUser user) {
        List<String> userGroups = groups.of(user);
        List<Task> found = tasks.createTaskQuery()
                .or().taskAssignee(user.username()).taskCandidateGroupIn(userGroups).endOr()
                .orderByTaskCreateTime().asc()
                .listPage(0, MAX_TASKS);
        Map<String, Map<String, Object>> variablesByScope = variablesByScope(found);
        Map<String, List<TaskView.FormFieldView>> formsByStep = new HashMap<>();
        List<OpenTask> views = new ArrayList<>();
        for (Task task : found) {
            try {
                Object location = variable(variablesByScope, task, ProcessVariables.ACT_AT);
                if (location == null || user.mayActAt(location.toString())) {
                    List<TaskView.FormFieldView> fields = formsByStep.computeIfAbsent(
                            task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), step -> formFields(task));
                    TaskView view = view(task, fields, variable(variablesByScope, task, ProcessVariables.CASE_NUMBER));
                    if (unqualified(user, userGroups, view.candidateGroups()).isEmpty()) {
                        views.add(new OpenTask(step(task), view));
                    }
                }
            } catch (RuntimeException e) {
                if (tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
                    throw e;
                }
            }
        }
        return views;
    }

    /** The case numbers and locations of these tasks, by the scope holding them: the task itself, its execution or its process. */
    private Map<String, Map<String, Object>> variablesByScope(List<Task> found) {
        String[] scopes = found.stream().flatMap(task -> Stream.of(task.getId(), task.getExecutionId(), task.getProcessInstanceId()))
                .filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> byScope = new HashMap<>();
        if (scopes.length > 0) {
            for (VariableInstance variable : runtime.createVariableInstanceQuery().variableScopeIdIn(scopes)
                    .variableNameIn(ProcessVariables.ACT_AT, ProcessVariables.CASE_NUMBER).list()) {
                String scope = variable.getTaskId() != null ? variable.getTaskId() : variable.getExecutionId();
                byScope.computeIfAbsent(scope, id -> new HashMap<>()).put(variable.getName(), variable.getValue());
            }
        }
        return byScope;
    }

    /** The variable as the task sees it: its own first, then its execution's, then its process's. */
    private static Object variable(Map<String, Map<String, Object>> byScope, Task task, String name) {
        return Stream.of(task.getId(), task.getExecutionId(), task.getProcessInstanceId()).filter(Objects::nonNull)
                .map(scope -> byScope.getOrDefault(scope, Map.of()).get(name)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The look-up, its checks and its view read the task once: one engine command (as claim and complete). */
    @Transactional(readOnly = true)
    public OpenTask find(String taskId, StaffUser user) {
        return command.call(() -> {
            Task task = require(taskId);
            if (user.username().equals(task.getAssignee())) {
                requireQualified(user, task);
            } else {
                requireCandidate(user, task);
            }
            return new OpenTask(step(task), view(task));
        });
    }

    /** Takes the task; taking it again is a no-op, taking someone else's is a conflict. */
    public TaskView claim(String taskId, StaffUser user) {
        return command.call(() -> claimInCommand(taskId, user));
    }

    private TaskView claimInCommand(String taskId, StaffUser user) {
        Task task = require(taskId);
        if (user.username().equals(task.getAssignee())) {
            return view(task);
        }
        if (task.getAssignee() != null) {
            throw new ConflictException(Message.of("errors.task.taken", taskId, task.getAssignee()));
        }
        requireCandidate(user, task);
        tasks.claim(taskId, user.username());
        return view(require(taskId));
    }

    /** Completes the task with its form fields, validated against the task's form; takes it first when unassigned. */
    public void complete(String taskId, Map<String, Object> fields, StaffUser user) {
        command.run(() -> completeInCommand(taskId, fields, user));
    }

    /** The look-up, the checks, the claim and the form submission share what the engine read for the first. */
    private void completeInCommand(String taskId, Map<String, Object> fields, StaffUser user) {
        Task task = require(taskId);
        if (task.getAssignee() == null) {
            requireCandidate(user, task);
        } else if (!user.username().equals(task.getAssignee())) {
            throw new ConflictException(Message.of("errors.task.assigned", taskId, task.getAssignee()));
        } else {
            requireQualified(user, task);
        }
        Map<String, Object> values = validate(task, fields == null ? Map.of() : fields);
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user.username());
        }
        try {
            forms.submitTaskForm(taskId, values);
        } catch (ProcessEngineException e) {
            throw refusal(e);
        }
    }

    /**
     * A task listener that refused the completion (the case's rules: a wrong serial, a board on another case) is
     * answered as that refusal, not as an engine error; the engine wraps what listeners throw.
     */
    private static RuntimeException refusal(ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof ConflictException || cause instanceof NotFoundException) {
                return (RuntimeException) cause;
            }
        }
        return e;
    }

    private Map<String, Object> validate(Task task, Map<String, Object> fields) {
        List<TaskView.FormFieldView> formFields = formFields(task);
        Map<String, Message> errors = new LinkedHashMap<>();
        Map<String, TaskView.FormFieldView> byId = new LinkedHashMap<>();
        formFields.forEach(f -> byId.put(f.id(), f));
        fields.keySet().stream().filter(k -> !byId.containsKey(k)).forEach(k -> errors.put(k,
                byId.isEmpty() ? Message.of("errors.task.noFields") : Message.of("errors.task.unknownField", byId.keySet().toString())));
        Map<String, Object> values = new HashMap<>();
        for (TaskView.FormFieldView field : formFields) {
            Object value = fields.get(field.id());
            boolean blank = value == null || value.toString().isBlank();
            if (blank) {
                if (field.required()) {
                    errors.put(field.id(), field.allowedValues().isEmpty() ? Message.of("errors.required")
                            : Message.of("errors.task.requiredOneOf", field.allowedValues().toString()));
                }
                continue;
            }
            if (!(value instanceof String text)) {
                errors.put(field.id(), Message.of("errors.task.text"));
                continue;
            }
            List<String> allowed = field.allowedValues();
            if (!allowed.isEmpty() && !allowed.contains(text)) {
                errors.put(field.id(), Message.of("errors.task.notAllowed", text, String.join(", ", allowed)));
            } else if (text.length() > 2000) {
                errors.put(field.id(), Message.of("errors.task.tooLong", 2000));
            } else {
                values.put(field.id(), text.trim());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Message.of("errors.task.fields", named(TASK_NAMES + task.getTaskDefinitionKey(), task.getName())), errors);
        }
        return values;
    }

    private static boolean isRequired(CamundaFormField field) {
        return field.getCamundaValidation() != null && field.getCamundaValidation().getCamundaConstraints().stream()
                .map(CamundaConstraint::getCamundaName).anyMatch("required"::equals);
    }

    private static List<String> allowed(CamundaFormField field) {
        return field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
    }

    private void requireCandidate(StaffUser user, Task task) {
        List<String> groups = this.groups.of(user);
        List<String> candidateGroups = candidateGroups(task.getId());
        if (candidateGroups.stream().noneMatch(groups::contains)) {
            unqualified(user, groups, candidateGroups).ifPresent(why -> {
                throw new ForbiddenException(why);
            });
            throw new ForbiddenException(candidateGroups.isEmpty()
                    ? Message.of("errors.task.assigneeOnly", task.getId(), user.username(), groups.toString())
                    : Message.of("errors.task.groups", task.getId(), candidateGroups.toString(), user.username(), groups.toString()));
        }
        if (!mayActAt(user, task)) {
            throw new ForbiddenException(Message.of("errors.task.elsewhere", task.getId(),
                    String.valueOf(tasks.getVariable(task.getId(), ProcessVariables.ACT_AT)), user.username(), user.locationCode()));
        }
    }

    /** The task's own assignee, who must still hold the qualification its groups ask for (e.g. a valid certification). */
    private void requireQualified(StaffUser user, Task task) {
        unqualified(user, groups.of(user), candidateGroups(task.getId())).ifPresent(why -> {
            throw new ForbiddenException(why);
        });
    }

    /** Why the user is not qualified for a task offered to these groups; empty when they are in one or none asks for a qualification. */
    private Optional<Message> unqualified(StaffUser user, List<String> userGroups, List<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(userGroups::contains) ? Optional.empty() : groups.refusal(user, candidateGroups);
    }

    private boolean mayActAt(StaffUser user, Task task) {
        Object location = tasks.getVariable(task.getId(), ProcessVariables.ACT_AT);
        return location == null || user.mayActAt(location.toString());
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private Task require(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException(Message.of("errors.thing.task"), taskId);
        }
        return task;
    }

    /**
     * The task's step. A definition id names one deployed version, whose key and model never change, so both are
     * kept here: each engine call for them reads the definition's row again (the engine caches the parsed model, not
     * the row), once for every task listed.
     */
    private TaskStep step(Task task) {
        String processKey = task.getProcessDefinitionId() == null ? null
                : definitionKeys.computeIfAbsent(task.getProcessDefinitionId(), id -> repository.getProcessDefinition(id).getKey());
        return new TaskStep(processKey, task.getTaskDefinitionKey());
    }

    private TaskView view(Task task) {
        return view(task, formFields(task), tasks.getVariable(task.getId(), ProcessVariables.CASE_NUMBER));
    }

    /**
     * The form of the task's step as its BPMN declares it; the same for every task of that step. Not the engine's task
     * form data: that converts each field's current variable, and a step may share a variable with an earlier step that
     * set a value its own form does not offer (the site visit's {@code diagnosisOutcome} after a remote diagnosis of
     * ENGINEER_ON_SITE), which failed reading the form and so every task list holding such a task.
     */
    private List<TaskView.FormFieldView> formFields(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return List.of();
        }
        ModelElementInstance step = models.computeIfAbsent(task.getProcessDefinitionId(), repository::getBpmnModelInstance)
                .getModelElementById(task.getTaskDefinitionKey());
        if (!(step instanceof UserTask userTask) || userTask.getExtensionElements() == null) {
            return List.of();
        }
        return userTask.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().stream()
                .flatMap(form -> form.getCamundaFormFields().stream())
                .map(f -> new TaskView.FormFieldView(f.getCamundaId(),
                        named(TASK_NAMES + task.getTaskDefinitionKey() + "." + f.getCamundaId(), f.getCamundaLabel()),
                        f.getCamundaType(), isRequired(f), allowed(f)))
                .toList();
    }

    /**
     * A step's name or field label in the reader's language (keys {@code task.<step id>[.<field id>]}); a step the
     * bundles do not know yet (a new BPMN task) keeps the name its BPMN gives.
     */
    private String named(String key, String bpmnName) {
        return messages.getMessage(key, null, bpmnName, LocaleContextHolder.getLocale());
    }

    private TaskView view(Task task, List<TaskView.FormFieldView> fields, Object caseNumber) {
        String name = named(TASK_NAMES + task.getTaskDefinitionKey(), task.getName());
        String description = task.getDescription();
        if (task.getProcessDefinitionId() == null) {
            // A stand-alone task carries its texts in each language (TaskTexts).
            Locale reader = LocaleContextHolder.getLocale();
            Map<String, Object> local = tasks.getVariablesLocal(task.getId());
            name = (String) local.getOrDefault(TaskTexts.nameVariable(reader), name);
            description = (String) local.getOrDefault(TaskTexts.descriptionVariable(reader), description);
        }
        return new TaskView(task.getId(), name, task.getTaskDefinitionKey(),
                caseNumber == null ? null : caseNumber.toString(), task.getAssignee(), candidateGroups(task.getId()),
                task.getCreateTime().toInstant(), description, fields, List.of());
    }
}
