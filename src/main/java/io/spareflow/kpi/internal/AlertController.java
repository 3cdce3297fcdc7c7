package io.spareflow.kpi.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Early-warning alerts on case arrivals. */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts", description = "Case arrivals above their control limit, per product line, region and customer")
class AlertController {

    static final int SHOWN = 200;

    private final AlertStore alerts;

    AlertController(AlertStore alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Open alerts first, then past ones, newest first: series, observed count, baseline, limit, since when")
    List<AlertStore.AlertView> alerts() {
        return alerts.recent(SHOWN);
    }
}
