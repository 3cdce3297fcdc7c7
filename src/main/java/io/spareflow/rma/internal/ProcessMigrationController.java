package io.spareflow.rma.internal;

import io.spareflow.rma.internal.process.ProcessMigrations;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Process instance migration after a release, run by an administrator (policy: docs/operations.md). */
@RestController
@RequestMapping("/api/admin/process-migrations")
@Tag(name = "Releases", description = "Moving running cases to a new process version")
class ProcessMigrationController {

    /** {@code targetVersion} absent: the deployed (latest) version. {@code dryRun} must be said explicitly. */
    record MigrationRequest(@NotBlank @Size(max = 255) String processKey, @NotNull @Positive Integer sourceVersion,
                            @Positive Integer targetVersion, @NotNull Boolean dryRun) {
    }

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping
    @Operation(summary = "Migrate every running instance of a process version (dryRun: validate every instance, change nothing); "
            + "409 with the reasons if not all can move, and then none moves")
    ProcessMigrations.Report migrate(@Valid @RequestBody MigrationRequest request) {
        String by = Users.current().map(StaffUser::username).orElseThrow();
        return migrations.migrate(request.processKey(), request.sourceVersion(), request.targetVersion(),
                request.dryRun(), by);
    }
}
