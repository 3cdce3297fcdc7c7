package io.spareflow.repair.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.board.Serial;
import io.spareflow.common.NotFoundException;
import io.spareflow.repair.RepairSuggestion;
import io.spareflow.repair.RepairView;
import io.spareflow.repair.Repairs;
import io.spareflow.repair.StockTarget;
import io.spareflow.repair.StockTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/repairs")
@Tag(name = "Repairs", description = "Repair orders and the maintenance-experience base")
class RepairController {

    private final Repairs repairs;
    private final StockTargets stockTargets;

    RepairController(Repairs repairs, StockTargets stockTargets) {
        this.repairs = repairs;
        this.stockTargets = stockTargets;
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Most frequent findings and actions of past repairs of a part with a similar symptom")
    List<RepairSuggestion> suggestions(@RequestParam String part, @RequestParam(required = false) String symptom,
                                       @RequestParam(defaultValue = "5") int limit) {
        if (limit < 1 || limit > 50) {
            throw new InvalidInputException("limit must be between 1 and 50", Map.of("limit", "1..50"));
        }
        return repairs.suggestions(part, symptom, limit);
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "The repair order of a case: of the board 'serial', or the case's first (a case has one per board)")
    RepairView byCase(@PathVariable String caseNumber, @RequestParam(required = false) String serial) {
        return (serial == null ? repairs.findByCase(caseNumber).stream().findFirst()
                : Serial.tryParse(serial).flatMap(board -> repairs.findByCaseAndSerial(caseNumber, board.value())))
                .orElseThrow(() -> new NotFoundException("Repair order of case", caseNumber));
    }

    @GetMapping("/stock-targets")
    @Operation(summary = "The explicit stock targets, of one depot and/or part",
            description = "A depot without an explicit target for a part has the default (spareflow.repair.default-stock-target).")
    List<StockTarget> stockTargets(@RequestParam(required = false) String depot,
                                                      @RequestParam(required = false) String part) {
        return stockTargets.find(depot, part);
    }

    @PutMapping("/stock-targets/{depot}/{part}")
    @Operation(summary = "Set the target stock of a part at a depot; repaired boards return to the depot with the largest deficit")
    ResponseEntity<Void> setStockTarget(@PathVariable String depot, @PathVariable String part, @Valid @RequestBody TargetBody body) {
        stockTargets.set(depot, part, body.target());
        return ResponseEntity.noContent().build();
    }

    record TargetBody(@NotNull @Min(0) @Max(100000) Integer target) {
    }
}
