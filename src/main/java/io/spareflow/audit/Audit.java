package io.spareflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.audit.internal.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail of master data and users. Call {@link #record} in the transaction of the change: the entry commits
 * or rolls back with it. Who (the signed-in user, else {@value #SYSTEM} or {@value #ANONYMOUS}), when (the clock) and from which address (the
 * current request's remote address) are taken here, so callers only say what changed.
 */
@Service
public class Audit {

    /** The actor of changes made without a signed-in user (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";
    /** The actor of changes made on a public page (e.g. a password set through a mailed link). */
    public static final String ANONYMOUS = "anonymous";

    private static final int MAX_ENTRIES = 500;

    private final AuditLog log;
    private final ObjectMapper json;
    private final Clock clock;

    Audit(AuditLog log, ObjectMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change of one record: {@code before} null is a creation, {@code after} null a deletion. Values are
     * stored as JSON (records and maps serialize field by field); never pass credentials. A change that changes
     * nothing is not recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditedEntity entity, Object id, Object before, Object after) {
        JsonNode beforeJson = before == null ? null : json.valueToTree(before);
        JsonNode afterJson = after == null ? null : json.valueToTree(after);
        if (Objects.equals(beforeJson, afterJson)) {
            return;
        }
        AuditAction action = before == null ? AuditAction.CREATE : after == null ? AuditAction.DELETE : AuditAction.UPDATE;
        write(entity, id, action, beforeJson, afterJson);
    }

    /** Records a CSV import as one entry: {@code source} names the file, {@code report} is its line report. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordImport(AuditedEntity entity, String source, Object report) {
        write(entity, source, AuditAction.IMPORT, null, json.valueToTree(report));
    }

    /** The entries matching the query, newest first, at most 500. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query) {
        return log.find(query, MAX_ENTRIES);
    }

    private void write(AuditedEntity entity, Object id, AuditAction action, JsonNode before, JsonNode after) {
        log.append(clock.instant(), actor(), address(), entity, String.valueOf(id), action, before, after);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM : auth.getName();
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
