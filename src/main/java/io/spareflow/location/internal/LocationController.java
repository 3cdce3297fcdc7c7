package io.spareflow.location.internal;

import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/locations")
@Tag(name = "Locations", description = "The service network: HQ, office and overseas depots, repair centers")
class LocationController {

    private final Locations locations;

    LocationController(Locations locations) {
        this.locations = locations;
    }

    @GetMapping
    @Operation(summary = "List locations, optionally of one type")
    List<LocationInfo> list(@RequestParam(required = false) LocationType type) {
        return type == null ? locations.all() : locations.ofType(type);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One location by its code (e.g. CTU, UIO, RC-SZX)")
    LocationInfo get(@PathVariable String code) {
        return locations.require(code);
    }
}
