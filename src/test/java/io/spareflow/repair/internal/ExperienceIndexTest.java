package io.spareflow.repair.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.repair.RepairDiagnosis;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairSuggestion;
import io.spareflow.repair.Repairs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The experience base finds past repairs by meaning of the words, in Chinese (segmented) and English (stemmed): a
 * related symptom is found, an unrelated one that shares a common word ("告警", "alarm") is not. Each run tags its
 * findings, as other tests add repairs of the same parts to the shared database.
 */
@SpareflowIntegrationTest
class ExperienceIndexTest {

    private static final String PART = "220305118";

    @Autowired
    RepairOrderRepository orders;
    @Autowired
    Repairs repairs;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aChineseSymptomFindsThePastRepairWithARelatedChineseSymptomNotAnUnrelatedOne() {
        String related = repaired("基站掉站，基带处理板 UBPG 告警，复位后无法恢复", "基带芯片损坏 " + run, "更换基带芯片");
        String unrelated = repaired("机柜风扇告警，温度过高", "风扇电机卡死 " + run, "更换风扇");

        List<String> found = findings(repairs.suggestions(PART, "UBPG 基带板告警，复位无效，基站无法恢复", 20));

        assertThat(found).contains(related).doesNotContain(unrelated);
    }

    @Test
    void anEnglishSymptomFindsThePastRepairWithARelatedEnglishSymptomNotAnUnrelatedOne() {
        String related = repaired("Baseband board UBPG alarms after a reset, cell stays down", "baseband DSP failed " + run,
                "replaced the DSP");
        String unrelated = repaired("Cabinet fan alarm, board temperature too high", "fan motor seized " + run, "replaced the fan");

        List<String> found = findings(repairs.suggestions(PART, "cell down: baseband board alarming, resetting did not help", 20));

        assertThat(found).contains(related).doesNotContain(unrelated);
    }

    @Test
    void aRepairResultIsFoundByTheNextSearch() {
        String symptom = "传输中断，光模块收无光 " + run;
        assertThat(findings(repairs.suggestions(PART, symptom, 20))).noneMatch(f -> f.endsWith(run));
        String finding = repaired(symptom, "光模块激光器老化 " + run, "更换光模块");

        assertThat(findings(repairs.suggestions(PART, symptom, 20))).contains(finding);
    }

    private String repaired(String symptom, String finding, String actions) {
        Instant at = Instant.now();
        RepairOrderEntity order = new RepairOrderEntity("EXP-" + UUID.randomUUID().toString().substring(0, 12), "EXP" + run,
                PART, symptom, false, at);
        order.diagnose(null, RepairDiagnosis.FAULT_CONFIRMED, finding);
        order.addActions(actions);
        order.complete(RepairOutcome.REPAIRED, false, at);
        orders.saveAndFlush(order);
        return finding;
    }

    private static List<String> findings(List<RepairSuggestion> suggestions) {
        return suggestions.stream().map(RepairSuggestion::finding).toList();
    }
}
