package io.spareflow.scan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One scan as a scanner (or the scan page) sends it. {@code clientScanId} is chosen by the client, once per scan, and
 * sent again unchanged on every retry. {@code result} is needed by REPAIR_RESULT, {@code siteId} by DELIVER;
 * {@code partNumber} names the part of an unknown board scanned by its bare serial.
 */
public record ScanRequest(
        @NotNull @Size(max = 1000) String code,
        @NotNull ScanAction action,
        @NotBlank @Size(max = 16) String location,
        @NotBlank @Size(max = 80) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
        String clientScanId,
        @Size(max = 80) String device,
        @Size(max = 60) String trackingNumber,
        @Size(max = 500) String note,
        RepairOutcome result,
        Long siteId,
        @Size(max = 40) String caseNumber,
        @Size(max = 30) String partNumber) {
}
