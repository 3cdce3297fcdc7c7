package io.spareflow.repair.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.NotFoundException;
import io.spareflow.repair.RepairSuggestion;
import io.spareflow.repair.RepairView;
import io.spareflow.repair.Repairs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/repairs")
@Tag(name = "Repairs", description = "Repair orders and the maintenance-experience base")
class RepairController {

    private final Repairs repairs;

    RepairController(Repairs repairs) {
        this.repairs = repairs;
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
    @Operation(summary = "The repair order of a case")
    RepairView byCase(@PathVariable String caseNumber) {
        return repairs.findByCase(caseNumber).orElseThrow(() -> new NotFoundException("Repair order of case", caseNumber));
    }
}
