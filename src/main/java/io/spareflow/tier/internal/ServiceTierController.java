package io.spareflow.tier.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Texts;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tiers")
@Tag(name = "Service tiers", description = "Time limits per contract tier; minutes count in the tier's calendar")
class ServiceTierController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{2,20}");

    private final ServiceTiers tiers;
    private final Texts texts;

    ServiceTierController(ServiceTiers tiers, Texts texts) {
        this.tiers = tiers;
        this.texts = texts;
    }

    @GetMapping
    @Operation(summary = "List the service tiers")
    List<ServiceTier> list() {
        return tiers.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One service tier")
    ServiceTier get(@PathVariable String name) {
        return tiers.require(name);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a tier's limits (ADMIN)", description = "Cases already open keep their due times.")
    ServiceTier update(@PathVariable String name, @Valid @RequestBody ServiceTier limits) {
        if (limits.name() != null && !limits.name().equalsIgnoreCase(name)) {
            throw new InvalidInputException("The body names tier '" + limits.name() + "' but the path names '" + name
                    + "'; a tier cannot be renamed");
        }
        return tiers.update(name, limits);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a service tier (ADMIN)", description = "409 when the name exists.")
    ServiceTier create(@Valid @RequestBody ServiceTier tier) {
        if (tier.name() == null || !NAME.matcher(tier.name().trim()).matches()) {
            throw new InvalidInputException(texts.get("people.tier.nameRequired"));
        }
        return tiers.create(tier);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a service tier no contract or case names (ADMIN)", description = "409 when in use.")
    void delete(@PathVariable String name) {
        tiers.delete(name);
    }
}
