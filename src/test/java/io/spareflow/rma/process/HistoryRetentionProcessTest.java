package io.spareflow.rma.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The retention of application.yml's history settings, on a plain engine configured with them: history cleanup removes
 * an instance that ended more than its time to live ago, and keeps one still open however long ago it started (no
 * removal time is stored, so nothing else can make it due).
 */
class HistoryRetentionProcessTest {

    private static final String PREFIX = "camunda.bpm.generic-properties.properties.";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(configuration()).build();

    private ProcessEngine engine;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
    }

    /** The process tests' engine, with the history settings of application.yml. */
    private static ProcessEngineConfiguration configuration() {
        ProcessEngineConfiguration configuration = ProcessTestEngine.configuration();
        configuration.setProcessEngineName("history-retention-tests");
        Properties application = applicationProperties();
        BeanWrapperImpl settings = new BeanWrapperImpl(configuration);
        for (String name : new String[] {"historyRemovalTimeStrategy", "historyCleanupStrategy"}) {
            settings.setPropertyValue(name, application.getProperty(PREFIX + name));
        }
        return configuration;
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        engine.getRepositoryService().createDeploymentQuery().deploymentName("history-retention").list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void cleanupRemovesInstancesEndedLongerAgoThanTheirTimeToLiveAndKeepsOpenOnes() {
        engine.getRepositoryService().createDeployment().name("history-retention").addModelInstance("retention.bpmn",
                Bpmn.createExecutableProcess("retention").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Work").endEvent().done())
                .deploy();
        ClockUtil.setCurrentTime(Date.from(T0));
        String ended = engine.getRuntimeService().startProcessInstanceByKey("retention").getId();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(ended).singleResult().getId());
        String open = engine.getRuntimeService().startProcessInstanceByKey("retention").getId();
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(ended, open)).list())
                .allSatisfy(instance -> assertThat(instance.getRemovalTime()).as("no removal time stored").isNull());

        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(2))));
        Job cleanup = history.cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).as("ended 2 days ago, time to live 1 day").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(open).count()).as("still open").isOne();
    }

    private static Properties applicationProperties() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
