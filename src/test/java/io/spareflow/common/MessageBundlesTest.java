package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.audit.AuditAction;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.board.BoardStatus;
import io.spareflow.location.LocationType;
import io.spareflow.notify.internal.OutboxMessage;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.LineState;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.sourcing.internal.DecisionKind;
import io.spareflow.tier.TierCalendar;
import io.spareflow.training.CertificationLevel;
import io.spareflow.user.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every English message key has its Simplified Chinese twin and the other way round, bundle by bundle. */
class MessageBundlesTest {

    static Stream<String> bundles() throws IOException {
        Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        assertThat(english).isNotEmpty();
        return Stream.of(english).map(Resource::getFilename).filter(name -> !name.contains("_"))
                .map(name -> name.substring(0, name.length() - ".properties".length()));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyKeyIsInBothLanguages(String bundle) throws IOException {
        Set<String> english = keys("i18n/" + bundle + ".properties");
        Set<String> chinese = keys("i18n/" + bundle + "_zh_CN.properties");
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertThat(onlyEnglish).as("keys of %s without a zh-CN text", bundle).isEmpty();
        assertThat(onlyChinese).as("keys of %s_zh_CN without an English text", bundle).isEmpty();
    }

    /** The enums pages name through a computed key ({@code #{${'prefix' + value}}}), with the bundle and prefix. */
    static Stream<Arguments> enumNames() {
        return Stream.of(
                Arguments.of(CaseState.class, "pages", "pages.case-state."),
                Arguments.of(LineState.class, "pages", "pages.line-state."),
                Arguments.of(SlaStep.class, "pages", "pages.sla-step."),
                Arguments.of(TimelineKind.class, "pages", "pages.timeline."),
                Arguments.of(DecisionKind.class, "pages", "pages.decision."),
                Arguments.of(BoardStatus.class, "pages", "pages.board-status."),
                Arguments.of(Role.class, "pages", "pages.role."),
                Arguments.of(CaseChannel.class, "pages", "pages.channel."),
                Arguments.of(DiagnosisOutcome.class, "pages", "pages.diagnosis."),
                Arguments.of(LocationType.class, "pages", "pages.location-type."),
                Arguments.of(TierCalendar.class, "pages", "pages.tier-calendar."),
                Arguments.of(AuditAction.class, "pages", "pages.audit-action."),
                Arguments.of(AuditedEntity.class, "pages", "pages.audited."),
                Arguments.of(OutboxMessage.Status.class, "pages", "pages.mail-status."),
                Arguments.of(CertificationLevel.class, "training", "training.level."));
    }

    @ParameterizedTest
    @MethodSource("enumNames")
    void everyValueOfAnEnumShownOnPagesHasANameInBothLanguages(Class<? extends Enum<?>> type, String bundle,
                                                               String prefix) throws IOException {
        Set<String> english = keys("i18n/" + bundle + ".properties");
        Set<String> chinese = keys("i18n/" + bundle + "_zh_CN.properties");
        for (Enum<?> value : type.getEnumConstants()) {
            assertThat(english).as("English name of %s.%s", type.getSimpleName(), value).contains(prefix + value.name());
            assertThat(chinese).as("Chinese name of %s.%s", type.getSimpleName(), value).contains(prefix + value.name());
        }
    }

    /** Task pages and {@code /api/tasks} name a user task and its form fields by {@code task.<id>[.<field>]}. */
    @Test
    void everyUserTaskAndFormFieldOfEveryProcessHasANameInBothLanguages() throws IOException {
        Set<String> english = keys("i18n/pages.properties");
        Set<String> chinese = keys("i18n/pages_zh_CN.properties");
        Set<String> needed = new TreeSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("processes"), "*.bpmn")) {
            for (Path process : processes) {
                for (UserTask task : Bpmn.readModelFromFile(process.toFile()).getModelElementsByType(UserTask.class)) {
                    needed.add("task." + task.getId());
                    ExtensionElements extensions = task.getExtensionElements();
                    if (extensions != null) {
                        extensions.getElementsQuery().filterByType(CamundaFormData.class).list()
                                .forEach(form -> form.getCamundaFormFields()
                                        .forEach(field -> needed.add("task." + task.getId() + "." + field.getCamundaId())));
                    }
                }
            }
        }
        assertThat(needed).as("user tasks of processes/*.bpmn").isNotEmpty();
        assertThat(english).as("English names of user tasks and fields").containsAll(needed);
        assertThat(chinese).as("Chinese names of user tasks and fields").containsAll(needed);
    }

    private static Set<String> keys(String path) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(properties.stringPropertyNames());
        }
    }
}
