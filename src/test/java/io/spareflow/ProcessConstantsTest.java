package io.spareflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.common.ProcessVariables;
import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.repair.RepairDiagnosis;
import io.spareflow.repair.TestResult;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.CaseLineBpmn;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.SpareDispatchBpmn;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The constants classes are the one definition of what code relies on in each BPMN file: every constant exists in its
 * model, every task, message, form field and variable of the model has a constant, form values are exactly the
 * enums' names, and no other main source names a task or message with a string literal.
 */
class ProcessConstantsTest {

    /**
     * Variables the code sets for itself (correlation keys, the task list's location, the case number the rma-case
     * delegates read) that no model expression reads.
     */
    private static final Set<String> SET_BY_CODE = Set.of(ProcessVariables.ACT_AT, ProcessVariables.CASE_NUMBER, BoardRepairBpmn.RETURN_DEPOT,
            SpareDispatchBpmn.SPARE_SERIAL, CaseLineBpmn.FAULTY_SERIAL, SpareDispatchBpmn.LINE);
    /** Names in expressions that are no variables: the engine's own objects and the delegates' bean names. */
    private static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "null", "true", "false",
            "caseSteps", "caseEscalations", "spareDispatchSteps", "repairSteps");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_][A-Za-z0-9_]*)(?![\\w'(])(?!\\s*\\.)");
    private static final Pattern STEP_ARGUMENT = Pattern.compile("caseEscalations\\.\\w+\\(execution, '([^']*)'\\)");

    record Definition(String file, Class<?> constants, Map<String, Class<? extends Enum<?>>> formValues) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Definition> processes() {
        return List.of(
                new Definition("processes/rma-case.bpmn", RmaCaseBpmn.class,
                        Map.of(RmaCaseBpmn.DIAGNOSIS_OUTCOME, DiagnosisOutcome.class)),
                new Definition("processes/case-line.bpmn", CaseLineBpmn.class, Map.of()),
                new Definition("processes/spare-dispatch.bpmn", SpareDispatchBpmn.class, Map.of()),
                new Definition("processes/board-repair.bpmn", BoardRepairBpmn.class,
                        Map.of(BoardRepairBpmn.DIAGNOSIS, RepairDiagnosis.class, BoardRepairBpmn.TEST_RESULT, TestResult.class)));
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyConstantExistsInTheModel(Definition definition) throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(definition.file()).toFile());
        Map<String, String> constants = constants(definition.constants());
        Set<String> variables = variablesOf(definition, model);
        List<String> missing = new ArrayList<>();
        constants.forEach((name, value) -> {
            boolean found;
            if (name.equals("PROCESS_KEY")) {
                found = model.getModelElementsByType(Process.class).stream().anyMatch(p -> p.getId().equals(value));
            } else if (name.startsWith("TASK_") || name.startsWith("CALL_")) {
                found = model.getModelElementById(value) != null;
            } else if (name.startsWith("MESSAGE_")) {
                found = messageNames(model).contains(value);
            } else {
                found = variables.contains(value) || SET_BY_CODE.contains(value);
            }
            if (!found) {
                missing.add(name + " = " + value);
            }
        });
        assertThat(missing).as("constants of %s that %s does not have", definition.constants().getSimpleName(),
                definition.file()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyIdTheModelOffersCodeIsAConstant(Definition definition) throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(definition.file()).toFile());
        Set<String> values = new LinkedHashSet<>(constants(definition.constants()).values());
        Set<String> offered = new TreeSet<>();
        Stream.of(UserTask.class, ReceiveTask.class, CallActivity.class)
                .flatMap(type -> model.getModelElementsByType(type).stream())
                .map(element -> element.getAttributeValue("id")).forEach(offered::add);
        offered.addAll(messageNames(model));
        offered.addAll(variablesOf(definition, model));
        offered.removeAll(values);
        assertThat(offered).as("tasks, messages and variables of %s without a constant in %s", definition.file(),
                definition.constants().getSimpleName()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void formValuesAreExactlyTheEnumsNames(Definition definition) throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(definition.file()).toFile());
        Map<String, Set<String>> enumFields = new LinkedHashMap<>();
        for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
            if ("enum".equals(field.getCamundaType())) {
                enumFields.computeIfAbsent(field.getCamundaId(), id -> new TreeSet<>()).addAll(field.getCamundaValues()
                        .stream().map(CamundaValue::getCamundaId).toList());
            }
        }
        assertThat(enumFields.keySet()).containsExactlyInAnyOrderElementsOf(definition.formValues().keySet());
        definition.formValues().forEach((field, type) -> assertThat(enumFields.get(field))
                .as("values of form field %s", field)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        Set<String> compared = new TreeSet<>();
        Matcher m = Pattern.compile("(\\w+) == '([^']*)'").matcher(Files.readString(Path.of(definition.file())));
        while (m.find()) {
            Class<? extends Enum<?>> type = definition.formValues().get(m.group(1));
            assertThat(type).as("gateway compares %s, which has no enum", m.group(1)).isNotNull();
            compared.add(m.group(1) + "=" + m.group(2));
            assertThat(Arrays.stream(type.getEnumConstants()).map(Enum::name)).contains(m.group(2));
        }
        assertThat(compared.isEmpty()).isEqualTo(definition.formValues().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("processes")
    void escalatedStepsAreSlaSteps(Definition definition) throws IOException {
        Matcher m = STEP_ARGUMENT.matcher(Files.readString(Path.of(definition.file())));
        Set<String> steps = Arrays.stream(SlaStep.values()).map(Enum::name).collect(Collectors.toSet());
        while (m.find()) {
            assertThat(steps).as("step named in %s", m.group()).contains(m.group(1));
        }
    }

    /** Outside the constants classes, no main source names a task, call activity or message of a model by a literal. */
    @Test
    void noOtherSourceNamesAModelElement() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Definition definition : processes()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(definition.file()).toFile());
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)
                    .forEach(element -> ids.add(element.getId()));
            ids.addAll(messageNames(model));
            model.getModelElementsByType(Process.class).forEach(p -> ids.add(p.getId()));
        }
        Set<String> constantsFiles = processes().stream().map(d -> d.constants().getSimpleName() + ".java")
                .collect(Collectors.toSet());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (constantsFiles.contains(source.getFileName().toString())) {
                    continue;
                }
                Matcher literal = Pattern.compile("\"([^\"\\\\]*)\"").matcher(Files.readString(source));
                while (literal.find()) {
                    if (ids.contains(literal.group(1))) {
                        offenders.add(source + ": \"" + literal.group(1) + "\"");
                    }
                }
            }
        }
        assertThat(offenders).as("string literals naming BPMN elements outside the constants classes").isEmpty();
    }

    /**
     * A process's ids stay in the feature that runs it: another feature asks that feature's typed API (e.g. repair's
     * {@code RepairBoardWait} for the stall audit) instead of naming the process's tasks and variables.
     */
    @ParameterizedTest
    @MethodSource("processes")
    void noOtherFeatureNamesTheProcessConstants(Definition definition) throws IOException {
        Path feature = Path.of("src/main/java", definition.constants().getPackageName().split("\\."));
        Pattern use = Pattern.compile("\\b" + definition.constants().getSimpleName() + "\\b");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && !p.startsWith(feature)).toList()) {
                if (use.matcher(Files.readString(source)).find()) {
                    offenders.add(source.toString());
                }
            }
        }
        assertThat(offenders).as("sources outside %s naming %s", feature, definition.constants().getSimpleName()).isEmpty();
    }

    private static Map<String, String> constants(Class<?> type) throws IllegalAccessException {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.put(field.getName(), (String) field.get(null));
            }
        }
        return constants;
    }

    private static Set<String> messageNames(BpmnModelInstance model) {
        return model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
    }

    /** Variables the model reads or writes: in expressions, as form fields, handed to or by called processes. */
    private static Set<String> variablesOf(Definition definition, BpmnModelInstance model) throws IOException {
        Set<String> variables = new TreeSet<>();
        addIdentifiers(Files.readString(Path.of(definition.file())), variables);
        model.getModelElementsByType(CamundaFormField.class).forEach(f -> variables.add(f.getCamundaId()));
        model.getModelElementsByType(CamundaIn.class).stream().map(CamundaIn::getCamundaSource)
                .filter(java.util.Objects::nonNull).forEach(variables::add);
        String key = model.getModelElementsByType(Process.class).iterator().next().getId();
        for (Definition caller : processes()) {
            BpmnModelInstance calling = Bpmn.readModelFromFile(Path.of(caller.file()).toFile());
            for (CallActivity call : calling.getModelElementsByType(CallActivity.class)) {
                if (key.equals(call.getCalledElement())) {
                    call.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                            .flatMap(e -> e.getChildElementsByType(CamundaIn.class).stream())
                            .map(CamundaIn::getCamundaTarget).filter(java.util.Objects::nonNull).forEach(variables::add);
                }
            }
        }
        return variables;
    }

    private static void addIdentifiers(String text, Set<String> variables) {
        if (text == null) {
            return;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1));
            while (identifier.find()) {
                if (!NOT_VARIABLES.contains(identifier.group(1))) {
                    variables.add(identifier.group(1));
                }
            }
        }
    }
}
