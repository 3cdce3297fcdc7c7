package io.spareflow.platform;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessElementInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Camunda's level {@code activity} without the activity instances of the elements a process only passes through:
 * none start events, gateways, service, script and send tasks, call activities, sub-processes, multi-instance bodies
 * and throwing events. Process and task instances stay, and so does every element a process waits in or that marks
 * what happened to it: user and receive tasks, message, timer and signal events (boundary timers that fired), end
 * events. Nothing reads the dropped rows: the case's own history is the application's timeline, the KPIs and audits
 * read the application's tables and the runtime, and the process tests run their own engine at level {@code full}
 * (docs/performance.md, sixth session, "the lifecycle's statements and history rows", lane life9).
 */
final class WaitStateHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "activity-wait-states";

    private static final Set<String> PASSED_THROUGH = Set.of(ActivityTypes.START_EVENT,
            ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
            ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED,
            ActivityTypes.TASK, ActivityTypes.TASK_SCRIPT, ActivityTypes.TASK_SERVICE, ActivityTypes.TASK_BUSINESS_RULE,
            ActivityTypes.TASK_MANUAL_TASK, ActivityTypes.TASK_SEND_TASK,
            ActivityTypes.CALL_ACTIVITY, ActivityTypes.SUB_PROCESS, ActivityTypes.SUB_PROCESS_AD_HOC, ActivityTypes.TRANSACTION,
            ActivityTypes.MULTI_INSTANCE_BODY,
            ActivityTypes.INTERMEDIATE_EVENT_THROW, ActivityTypes.INTERMEDIATE_EVENT_NONE_THROW,
            ActivityTypes.INTERMEDIATE_EVENT_MESSAGE_THROW, ActivityTypes.INTERMEDIATE_EVENT_SIGNAL_THROW,
            ActivityTypes.INTERMEDIATE_EVENT_ESCALATION_THROW, ActivityTypes.INTERMEDIATE_EVENT_COMPENSATION_THROW,
            ActivityTypes.INTERMEDIATE_EVENT_LINK);

    private static final Set<HistoryEventType> ACTIVITY_INSTANCE_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);

    @Override
    public int getId() {
        return 11;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The start, updates, migration and end of one activity instance are all produced or none (its element's type). */
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (!HistoryLevel.HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity)) {
            return false;
        }
        if (!ACTIVITY_INSTANCE_EVENTS.contains(eventType)) {
            return true;
        }
        CoreModelElement element = element(entity);
        return element == null || !PASSED_THROUGH.contains(element.getProperty("type"));
    }

    /** The element an activity instance event is about, found as the engine's history producer finds it. */
    private static CoreModelElement element(Object entity) {
        if (entity instanceof ExecutionEntity execution) {
            return execution.getActivity() != null ? execution.getActivity() : execution.getEventSource();
        }
        if (entity instanceof MigratingProcessElementInstance migrating) {
            return migrating.getSourceScope();
        }
        return null;
    }
}
