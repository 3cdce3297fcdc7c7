package io.spareflow.part.internal;

import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/parts")
@Tag(name = "Parts", description = "The parts catalogue: product lines, revisions, supersession, repairability")
class PartController {

    private final Parts parts;

    PartController(Parts parts) {
        this.parts = parts;
    }

    @GetMapping
    @Operation(summary = "List all parts")
    List<PartInfo> list() {
        return parts.all();
    }

    @GetMapping("/{partNumber}")
    @Operation(summary = "One part, with the parts that may replace it")
    PartDetail get(@PathVariable String partNumber) {
        return new PartDetail(parts.require(partNumber), parts.replacementsFor(partNumber));
    }

    record PartDetail(PartInfo part, List<String> replaceableBy) {
    }
}
