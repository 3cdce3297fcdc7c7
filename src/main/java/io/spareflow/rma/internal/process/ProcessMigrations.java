package io.spareflow.rma.internal.process;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of one process version to another with Camunda's process instance migration: every
 * activity is mapped to the activity of the same id, timers keep their due dates (no event triggers updated: the due
 * dates come from variables the target reads the same way), variables stay as they are. A dry run executes the
 * migration in a transaction that is rolled back, so it validates every instance, not only the plan.
 * The policy (which changes are migrated, which are not) is in docs/operations.md.
 */
@Component
public class ProcessMigrations {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);

    /** What was asked and what happened; {@code problems} empty means the migration is (or was) possible. */
    public record Report(String processKey, int sourceVersion, int targetVersion, boolean dryRun, long instances,
                         long migrated, List<String> problems) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Audit audit;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, TransactionTemplate transactions, Audit audit) {
        this.audit = audit;
        this.repository = repository;
        this.runtime = runtime;
        this.transactions = transactions;
    }

    /**
     * Migrates (or with {@code dryRun} only validates) every running instance of {@code processKey} on
     * {@code sourceVersion} to {@code targetVersion}, by default the deployed (latest) version.
     * A real run that cannot migrate every instance changes none of them.
     */
    public Report migrate(String processKey, int sourceVersion, Integer targetVersion, boolean dryRun, String by) {
        ProcessDefinition source = version(processKey, sourceVersion);
        ProcessDefinition target = targetVersion == null ? latest(processKey) : version(processKey, targetVersion);
        if (source.getId().equals(target.getId())) {
            throw InvalidInputException.field("targetVersion", Message.of("releases.migration.same-version", processKey, sourceVersion));
        }
        long instances = instancesOf(source).count();
        List<String> problems;
        try {
            MigrationPlan plan = plan(runtime, source.getId(), target.getId());
            problems = instances == 0 ? List.of() : execute(plan, source, target, instances, dryRun);
        } catch (MigrationPlanValidationException e) {
            problems = e.getValidationReport().getInstructionReports().stream()
                    .flatMap(r -> r.getFailures().stream().map(f -> r.getMigrationInstruction() + ": " + f)).toList();
        }
        boolean migrated = !dryRun && problems.isEmpty();
        log.info("Process migration {} of {} v{} -> v{} by {}: {} instance(s), {}", dryRun ? "dry run" : "run", processKey,
                source.getVersion(), target.getVersion(), by, instances, problems.isEmpty() ? (migrated ? "migrated" : "valid")
                        : "refused: " + problems);
        if (!dryRun && !problems.isEmpty()) {
            throw new ConflictException(Message.of("releases.migration.refused", processKey, source.getVersion(),
                    target.getVersion(), String.join("; ", problems)));
        }
        return new Report(processKey, source.getVersion(), target.getVersion(), dryRun, instances,
                migrated ? instances : 0, problems);
    }

    /**
     * The policy's plan: every activity to the activity of the same id; timers keep their due dates (event triggers are
     * not updated). Public for the upgrade test, which applies it on a plain engine.
     */
    public static MigrationPlan plan(RuntimeService runtime, String sourceDefinitionId, String targetDefinitionId) {
        return runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities().build();
    }

    /**
     * Executes the plan for every instance of the source; a dry run rolls it back, a run is audited in its transaction.
     * Returns the instances' problems.
     */
    private List<String> execute(MigrationPlan plan, ProcessDefinition source, ProcessDefinition target, long instances,
                                 boolean dryRun) {
        try {
            transactions.executeWithoutResult(status -> {
                runtime.newMigration(plan).processInstanceQuery(instancesOf(source)).execute();
                if (dryRun) {
                    status.setRollbackOnly();
                } else {
                    audit.record(AuditedEntity.PROCESS_INSTANCES, source.getKey(),
                            Map.of("version", source.getVersion(), "instances", instances),
                            Map.of("version", target.getVersion(), "instances", instances));
                }
            });
            return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
            MigratingProcessInstanceValidationReport report = e.getValidationReport();
            List<String> problems = new ArrayList<>();
            report.getFailures().forEach(f -> problems.add(report.getProcessInstanceId() + ": " + f));
            report.getActivityInstanceReports().forEach(a -> a.getFailures()
                    .forEach(f -> problems.add(report.getProcessInstanceId() + " at " + a.getSourceScopeId() + ": " + f)));
            return problems;
        }
    }

    private ProcessInstanceQuery instancesOf(ProcessDefinition source) {
        return runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
    }

    private ProcessDefinition version(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new InvalidInputException(Message.of("releases.migration.unknown-version", key, version));
        }
        return definition;
    }

    private ProcessDefinition latest(String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        if (definition == null) {
            throw new InvalidInputException(Message.of("releases.migration.unknown-process", key));
        }
        return definition;
    }
}
