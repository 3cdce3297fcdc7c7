package io.spareflow.training.internal;

import io.spareflow.training.Certification;
import io.spareflow.training.Certifications;
import io.spareflow.training.NewCertification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Training certification", description = "Who is certified for which product line and level, valid from when until when; every change is audited")
class CertificationController {

    private final Certifications certifications;

    CertificationController(Certifications certifications) {
        this.certifications = certifications;
    }

    @GetMapping("/api/users/{username}/certifications")
    @Operation(summary = "A user's certifications, valid or not (ADMIN)")
    List<Certification> list(@PathVariable String username) {
        return certifications.of(username);
    }

    @PostMapping("/api/users/{username}/certifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a certification (ADMIN)", description = "Agents and technicians hold certifications; L2 "
            + "(board repair) is for technicians. A valid L2 certification of a product line makes a technician a candidate "
            + "for the diagnosis of its boards, checked whenever a task is listed, claimed or completed.")
    Certification issue(@PathVariable String username, @Valid @RequestBody NewCertification request) {
        return certifications.issue(username, request);
    }

    @DeleteMapping("/api/users/{username}/certifications/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a certification (ADMIN)")
    void revoke(@PathVariable String username, @PathVariable long id) {
        certifications.revoke(username, id);
    }

    @GetMapping("/api/certifications/expiring")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'QUALITY')")
    @Operation(summary = "Valid certifications that end within the next days (default 30), soonest first (ADMIN, SUPERVISOR, QUALITY)")
    List<Certification> expiring(@RequestParam(defaultValue = "30") @Min(0) @Max(366) int days) {
        return certifications.expiringWithin(days);
    }
}
