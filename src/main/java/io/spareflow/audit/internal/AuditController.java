package io.spareflow.audit.internal;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditEntry;
import io.spareflow.audit.AuditQuery;
import io.spareflow.audit.AuditedEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Who changed which master data or user, when, from where, before and after")
class AuditController {

    private final Audit audit;

    AuditController(Audit audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first, at most 500 (ADMIN)")
    List<AuditEntry> find(
            @Parameter(description = "kind of record") @RequestParam(required = false) AuditedEntity entity,
            @Parameter(description = "the record's key, e.g. a user name or customer code") @RequestParam(required = false) String id,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-01-31T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        return audit.find(new AuditQuery(entity, id, since));
    }
}
