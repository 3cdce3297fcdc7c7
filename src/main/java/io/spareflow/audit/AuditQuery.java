package io.spareflow.audit;

import java.time.Instant;

/** Which audit entries to list; each criterion is optional (null). */
public record AuditQuery(AuditedEntity entity, String entityId, Instant since) {
}
