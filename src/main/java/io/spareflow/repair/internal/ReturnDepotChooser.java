package io.spareflow.repair.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.GeoPoint;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Where a repaired board goes back to stock: the depot with the largest deficit of its part against the target stock
 * (stock = AVAILABLE and RECEIVED boards of the part there). Targets come from {@code stock_target}; a depot without a
 * row has the configured default. Ties go to the depot nearest the repair center (cheapest transport).
 */
@Component
public class ReturnDepotChooser {

    private final Boards boards;
    private final Locations locations;
    private final StockTargetRepository targets;
    private final int defaultTarget;

    ReturnDepotChooser(Boards boards, Locations locations, StockTargetRepository targets,
                       @Value("${spareflow.repair.default-stock-target:3}") int defaultTarget) {
        this.boards = boards;
        this.locations = locations;
        this.targets = targets;
        this.defaultTarget = defaultTarget;
    }

    public String choose(String partNumber, String repairCenter) {
        Map<String, Integer> stock = new HashMap<>();
        for (BoardStatus inStock : List.of(BoardStatus.AVAILABLE, BoardStatus.RECEIVED)) {
            for (BoardInfo board : boards.search(null, partNumber, inStock, Pageable.unpaged())) {
                stock.merge(board.locationCode(), 1, Integer::sum);
            }
        }
        Map<String, Integer> explicit = targets.targetsFor(partNumber);
        GeoPoint from = locations.require(repairCenter).point();
        return locations.depots().stream()
                .min(Comparator.comparingInt((LocationInfo d) -> -(explicit.getOrDefault(d.code(), defaultTarget) - stock.getOrDefault(d.code(), 0)))
                        .thenComparingDouble(d -> d.point().distanceKmTo(from)))
                .map(LocationInfo::code)
                .orElseThrow(() -> new IllegalStateException("No depot exists to return stock to"));
    }
}
