package io.spareflow.demo;

import io.spareflow.repair.HistoricRepair;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.Repairs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Repairs of the demo's boards taken over from the previous system, written by Chinese and overseas technicians in
 * their own language, so the experience base has fixes to show for the demo cases from the first start.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "spareflow.demo.enabled", havingValue = "true")
class DemoRepairHistory implements ApplicationRunner {

    private record Past(String partNumber, String symptom, String finding, String actions, RepairOutcome outcome) {
    }

    private static final List<Past> HISTORY = List.of(
            new Past("130103811", "基站退服，信道板 CHM2 告警 CHM_FAIL，复位后仍未恢复", "CHM2 板 DSP 芯片损坏",
                    "更换 DSP 芯片，老化测试 24 小时通过", RepairOutcome.REPAIRED),
            new Past("130103811", "信道板 CHM2 频繁复位，基站间歇退服", "CHM2 板电源模块电容鼓包",
                    "更换电源滤波电容", RepairOutcome.REPAIRED),
            new Past("130103811", "CHM2 channel board alarm CHM_FAIL, BTS off air, reset did not clear it",
                    "DSP on the CHM2 failed", "replaced the DSP, 24 h burn-in passed", RepairOutcome.REPAIRED),
            new Past("130103811", "机柜风扇告警，单板温度过高", "风扇插座虚焊", "重新焊接风扇插座", RepairOutcome.REPAIRED),
            new Past("310200731", "网管告警：STM-16 光线路板 OL16 端口 LOS，业务倒换到保护通道", "OL16 光接收模块损坏",
                    "更换光接收模块", RepairOutcome.REPAIRED),
            new Past("310200731", "OL16 line board LOS on port 2 after a power dip, traffic on protection",
                    "optical receiver module of the OL16 burnt", "replaced the optical receiver module", RepairOutcome.REPAIRED),
            new Past("310200731", "OL16 光板误码率高，B1 误码告警", "光纤连接器端面污染，板件本身无故障", null,
                    RepairOutcome.NFF),
            new Past("410400162", "GPON 单板 GTGH 每 20 分钟重启一次", "GTGH 板看门狗电路晶振失效", "更换晶振",
                    RepairOutcome.REPAIRED),
            new Past("410400162", "GPON OLT board GTGH reboots every 20 minutes", "watchdog crystal of the GTGH failed",
                    "replaced the crystal", RepairOutcome.REPAIRED),
            new Past("220301406", "GSM 收发信板 DTRU 扇区 2 驻波告警，雷雨后出现", "DTRU 射频口防雷器件击穿",
                    "更换防雷器件和射频连接器", RepairOutcome.REPAIRED));

    private final Repairs repairs;

    DemoRepairHistory(Repairs repairs) {
        this.repairs = repairs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!repairs.findByCase(reference(1)).isEmpty()) {
            return;
        }
        Instant start = Instant.now().minus(Duration.ofDays(HISTORY.size() * 20L));
        List<HistoricRepair> history = new ArrayList<>();
        for (int i = 0; i < HISTORY.size(); i++) {
            Past past = HISTORY.get(i);
            history.add(new HistoricRepair(reference(i + 1), String.format("LEGACY%06d", i + 1),
                    past.partNumber(), past.symptom(), past.finding(), past.actions(), past.outcome(),
                    start.plus(Duration.ofDays(i * 20L))));
        }
        repairs.recordHistory(history);
    }

    /** The previous system's job number of the n-th repair. */
    private static String reference(int n) {
        return String.format("LEG-2025-%06d", n);
    }
}
