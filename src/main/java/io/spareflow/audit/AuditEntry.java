package io.spareflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One recorded change: who, when, from which address, what, and the record before and after (JSON). */
public record AuditEntry(long id, Instant at, String actor, String address, AuditedEntity entity, String entityId,
                         AuditAction action, JsonNode before, JsonNode after) {
}
