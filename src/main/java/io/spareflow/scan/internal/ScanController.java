package io.spareflow.scan.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.PageOf;
import io.spareflow.scan.ScanReply;
import io.spareflow.scan.ScanRequest;
import io.spareflow.scan.ScanResult;
import io.spareflow.scan.Scans;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/scans")
@Tag(name = "Scans", description = "Scanning boards at each hand-off: the only way people move boards")
class ScanController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Scans scans;
    private final ScanEventRepository events;
    private final LabelPhotoDecoder decoder;
    private final ScanListScope scope;

    ScanController(Scans scans, ScanEventRepository events, LabelPhotoDecoder decoder, ScanListScope scope) {
        this.scans = scans;
        this.events = events;
        this.decoder = decoder;
        this.scope = scope;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply one scan (idempotent on clientScanId: a retry gets the first answer again)",
            description = "Refused scans are recorded too and answered with a problem naming the board's current state"
                    + " and the actions allowed now (400 unreadable code, 403 not your location or role, 404 unknown"
                    + " board, 409 not allowed now, 422 unknown board without part number). The same clientScanId with"
                    + " a different scan is 409.")
    @ApiResponse(responseCode = "200", description = "Accepted (or replayed: header Idempotent-Replayed: true)",
            content = @Content(schema = @Schema(implementation = ScanResult.class)))
    ResponseEntity<String> scan(@Valid @RequestBody ScanRequest request) {
        ScanReply reply = scans.scan(request, Users.current().orElseThrow());
        return ResponseEntity.status(reply.status())
                .contentType(reply.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, String.valueOf(reply.replayed()))
                .body(reply.body());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'DEPOT', 'TECHNICIAN')")
    @Operation(summary = "Scans at a location since a time, newest first (paged, max 500 a page);"
            + " flagged=true lists boards found at receiving that need a supervisor",
            description = "Depot staff and technicians see their own location's scans only (the default location for"
                    + " them; 403 for another); agents none.")
    PageOf<ScanRecord> list(@RequestParam(required = false) String location,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
                            @RequestParam(defaultValue = "false") boolean flagged,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Instant from = since != null ? since : Instant.now().minus(Duration.ofDays(1));
        return PageOf.of(events.search(scope.locationFor(Users.current().orElseThrow(), location),
                from, flagged, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .map(ScanEventEntity::toRecord));
    }

    @PostMapping(path = "/decode", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('DEPOT', 'TECHNICIAN')")
    @Operation(summary = "Decode a photo of a board label (form field 'photo', PNG or JPEG) into the board code it carries",
            description = "Depot staff and technicians only. A photo of more than 40 megapixels is refused (413) before"
                    + " it is decoded; when the decoders are all busy the answer is 503 with Retry-After.")
    LabelPhotoDecoder.Decoded decode(@RequestPart("photo") MultipartFile photo) {
        try (InputStream in = photo.getInputStream()) {
            return decoder.decode(in);
        } catch (IOException e) {
            throw new InvalidInputException(Message.of("errors.photo.upload", e.getMessage()),
                    Map.of("photo", Message.of("errors.photo.upload.field")));
        }
    }
}
