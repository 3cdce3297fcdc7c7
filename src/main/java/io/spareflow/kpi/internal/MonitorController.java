package io.spareflow.kpi.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring center's live data: the page polls this with its session (so it lives on the pages' side, not under
 * the stateless /api); the same snapshot is served to API clients at /api/monitor.
 */
@RestController
class MonitorController {

    private final MonitorQueries monitor;

    MonitorController(MonitorQueries monitor) {
        this.monitor = monitor;
    }

    @GetMapping(value = {"/monitor/live", "/api/monitor"}, produces = MediaType.APPLICATION_JSON_VALUE)
    MonitorQueries.Snapshot live() {
        return monitor.snapshot();
    }
}
