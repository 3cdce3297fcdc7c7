package io.spareflow.repair;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.part.Parts;
import io.spareflow.repair.internal.StockTargetRepository;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Target stock per depot and part (editable master data). A depot without an explicit target for a part has
 * {@code spareflow.repair.default-stock-target}. Changes are audited.
 */
@Service
@Transactional
public class StockTargets {

    private final StockTargetRepository targets;
    private final Locations locations;
    private final Parts parts;
    private final Audit audit;
    private final int defaultTarget;

    StockTargets(StockTargetRepository targets, Locations locations, Parts parts, Audit audit,
                 @Value("${spareflow.repair.default-stock-target:3}") int defaultTarget) {
        this.targets = targets;
        this.locations = locations;
        this.parts = parts;
        this.audit = audit;
        this.defaultTarget = defaultTarget;
    }

    public int defaultTarget() {
        return defaultTarget;
    }

    /** The explicit targets, of one depot and/or part when given (both are checked to exist). */
    @Transactional(readOnly = true)
    public List<StockTarget> find(String depot, String partNumber) {
        String location = depot == null || depot.isBlank() ? null : locations.require(depot).code();
        String part = partNumber == null || partNumber.isBlank() ? null : parts.require(partNumber).partNumber();
        return targets.find(location, part);
    }

    public StockTarget set(String depot, String partNumber, int target) {
        LocationInfo location = locations.require(depot);
        if (locations.depots().stream().noneMatch(d -> d.code().equals(location.code()))) {
            throw new InvalidInputException(Message.of("people.stock.notADepot", location.code(), location.type()),
                    Map.of("depot", Message.of("people.stock.depotExpected")));
        }
        if (target < 0) {
            throw InvalidInputException.field("target", Message.of("people.stock.negative"));
        }
        String part = parts.require(partNumber).partNumber();
        StockTarget before = targets.find(location.code(), part).stream().findFirst().orElse(null);
        targets.save(location.code(), part, target);
        StockTarget after = new StockTarget(location.code(), part, target);
        audit.record(AuditedEntity.STOCK_TARGET, location.code() + "/" + part, before, after);
        return after;
    }
}
