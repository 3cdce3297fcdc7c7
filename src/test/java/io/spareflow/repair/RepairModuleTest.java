package io.spareflow.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SharedTestDatabase;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Repair with only the features it may use (board, location, part) and the platform: no case lifecycle starts the
 * board-repair process here, the test does. A {@link BoardMoved} into IN_REPAIR at a repair center is the intake the
 * waiting process receives: the order records it and the board waits for diagnosis by its product line.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"platform", "user"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = SharedTestDatabase.class)
class RepairModuleTest {

    private static final String CASE = "MT-REPAIR-CASE-1";
    private static final String SERIAL = "MTREPAIR0001";

    @Autowired
    Repairs repairs;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBoardArrivingInRepairIsTakenIn(Scenario scenario) {
        jdbc.update("""
                insert into location (code, name, type, city, country, latitude, longitude, time_zone, business_hours)
                values ('MTRC', 'Module test repair center', 'REPAIR_CENTER', 'Shenzhen', 'CN', 22.54, 114.06,
                        'Asia/Shanghai', 'MON-SUN 00:00-24:00')""");
        jdbc.update("insert into part (part_number, product_line, description, revision, repairable, repair_turnaround_days)"
                + " values ('MT-REPAIR-1', 'OPTICAL', 'Module test board', 'A', true, 7)");
        // The defective board has arrived at the repair center; the process checks it was not taken in already.
        jdbc.update("insert into board (serial, part_number, revision, status, location_code, updated_at)"
                + " values (?, 'MT-REPAIR-1', 'A', 'DEFECTIVE_RECEIVED', 'MTRC', now())", SERIAL);
        repairs.expect(CASE, SERIAL, "MT-REPAIR-1", "no light on port 2", false);
        runtime.startProcessInstanceByKey(BoardRepairBpmn.PROCESS_KEY, CASE, Map.of(
                BoardRepairBpmn.CASE_NUMBER, CASE, BoardRepairBpmn.REPAIR_SERIAL, SERIAL,
                BoardRepairBpmn.REPAIR_AND_RETURN, false));
        BoardMoved intake = new BoardMoved(SERIAL, "MT-REPAIR-1", BoardStatus.DEFECTIVE_RECEIVED, BoardStatus.IN_REPAIR, "MTRC",
                null, Instant.now(), MoveContext.system(MoveReason.REPAIR_INTAKE, CASE, "received at the repair center"));

        scenario.publish(intake)
                .andWaitForStateChange(() -> Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(CASE)
                        .taskDefinitionKey(BoardRepairBpmn.TASK_DIAGNOSE_BOARD).singleResult()))
                .andVerify(diagnosis -> {
                    assertThat(diagnosis).map(Task::getTaskDefinitionKey).contains(BoardRepairBpmn.TASK_DIAGNOSE_BOARD);
                    RepairView order = repairs.findByCaseAndSerial(CASE, SERIAL).orElseThrow();
                    assertThat(order.repairCenter()).isEqualTo("MTRC");
                    assertThat(order.intakeAt()).isNotNull();
                    assertThat(order.dueAt()).isEqualTo(order.intakeAt().plus(Duration.ofDays(7)));
                });
    }
}
