package io.spareflow.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.audit.AuditAction;
import io.spareflow.audit.AuditEntry;
import io.spareflow.audit.AuditQuery;
import io.spareflow.audit.AuditedEntity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only {@code audit_entry} table: inserts and reads, nothing else (the database refuses the rest). */
@Repository
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void append(Instant at, String actor, String address, AuditedEntity entity, String entityId,
                       AuditAction action, JsonNode before, JsonNode after) {
        jdbc.update("""
                INSERT INTO audit_entry (at, actor, address, entity, entity_id, action, before_value, after_value)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""",
                Timestamp.from(at), actor, address, entity.name(), entityId, action.name(), text(before), text(after));
    }

    public List<AuditEntry> find(AuditQuery query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (query.entity() != null) {
            sql.append(" AND entity = ?");
            args.add(query.entity().name());
        }
        if (query.entityId() != null && !query.entityId().isBlank()) {
            sql.append(" AND entity_id = ?");
            args.add(query.entityId().trim());
        }
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(query.since()));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::entry, args.toArray());
    }

    private AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("actor"),
                row.getString("address"), AuditedEntity.valueOf(row.getString("entity")), row.getString("entity_id"),
                AuditAction.valueOf(row.getString("action")), tree(row.getString("before_value")),
                tree(row.getString("after_value")));
    }

    private String text(JsonNode value) {
        return value == null ? null : value.toString();
    }

    private JsonNode tree(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_entry holds JSON the database accepted", e);
        }
    }
}
