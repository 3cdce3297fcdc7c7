package io.spareflow.label.internal;

import io.spareflow.label.LabelFormat;
import io.spareflow.label.LabelPrintScope;
import io.spareflow.label.Labels;
import io.spareflow.label.ReturnLabels;
import io.spareflow.label.ShippingLabel;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('DEPOT', 'TECHNICIAN', 'SUPERVISOR', 'ADMIN')")
@Tag(name = "Labels", description = "Board, shipping and return labels as PNG (300 dpi), PDF and ZPL, from the templates in"
        + " labels/; depot staff and technicians print board and shipping labels of their own location only (403"
        + " otherwise), agents none")
class LabelController {

    private final Labels labels;
    private final ReturnLabels returnLabels;
    private final LabelPrintScope scope;

    LabelController(Labels labels, ReturnLabels returnLabels, LabelPrintScope scope) {
        this.labels = labels;
        this.returnLabels = returnLabels;
        this.scope = scope;
    }

    /** A list of serials to print on A4 sheets, at one label size (inches). */
    record SheetRequest(List<String> serials, String size) {
    }

    @GetMapping("/boards/{serial}/label.png")
    @Operation(summary = "Board label as a 300 dpi PNG; size 2x1 or 4x2 (inches)")
    ResponseEntity<byte[]> png(@PathVariable String serial, @RequestParam(defaultValue = "2x1") String size) {
        scope.requireBoardsHere(signedIn(), List.of(serial));
        return file(labels.board(serial, size, LabelFormat.PNG), LabelFormat.PNG, serial + "-" + size + ".png");
    }

    @GetMapping("/boards/{serial}/label.pdf")
    @Operation(summary = "Board label as a PDF page of the label's size; size 2x1 or 4x2 (inches)")
    ResponseEntity<byte[]> pdf(@PathVariable String serial, @RequestParam(defaultValue = "2x1") String size) {
        scope.requireBoardsHere(signedIn(), List.of(serial));
        return file(labels.board(serial, size, LabelFormat.PDF), LabelFormat.PDF, serial + "-" + size + ".pdf");
    }

    @GetMapping("/boards/{serial}/label.zpl")
    @Operation(summary = "Board label as ZPL for a 203 dpi Zebra printer; size 2x1 or 4x2 (inches)")
    ResponseEntity<byte[]> zpl(@PathVariable String serial, @RequestParam(defaultValue = "2x1") String size) {
        scope.requireBoardsHere(signedIn(), List.of(serial));
        return file(labels.board(serial, size, LabelFormat.ZPL), LabelFormat.ZPL, serial + "-" + size + ".zpl");
    }

    @PostMapping(path = "/labels/sheet", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Board labels of many serials (1 to 500) on A4 sheets, as one PDF for an office printer")
    ResponseEntity<byte[]> sheet(@RequestBody SheetRequest request) {
        String size = request.size() == null ? "2x1" : request.size();
        scope.requireBoardsHere(signedIn(), request.serials() == null ? List.of() : request.serials());
        return file(labels.boardSheet(request.serials(), size), LabelFormat.PDF, "labels-" + size + ".pdf");
    }

    @GetMapping("/labels/shipping.{format}")
    @Operation(summary = "Shipping label 4x6 in (format png, pdf or zpl): from and to location codes, tracking number"
            + " (Code 128), tracking link (QR), case number")
    ResponseEntity<byte[]> shipping(@PathVariable("format") String extension, @RequestParam String from, @RequestParam String to,
                                    @RequestParam String trackingNumber, @RequestParam String trackingUrl,
                                    @RequestParam String caseNumber) {
        LabelFormat format = LabelFormat.ofExtension(extension);
        scope.requireShipmentHere(signedIn(), from, to);
        return file(labels.shipping(new ShippingLabel(from, to, trackingNumber, trackingUrl, caseNumber), format), format,
                "shipping-" + trackingNumber + "." + format.name().toLowerCase(Locale.ROOT));
    }

    @GetMapping("/cases/{number}/return-label.{format}")
    @Operation(summary = "Return label of the case's defective board, 4x6 in (format png, pdf or zpl): ship to the"
            + " repair center that takes it, from the customer's site, case number (Code 128), expected board, GS1"
            + " DataMatrix (01) GTIN (21) serial (400) case number; 409 once no board is expected back")
    ResponseEntity<byte[]> returnLabel(@PathVariable String number, @PathVariable("format") String extension) {
        LabelFormat format = LabelFormat.ofExtension(extension);
        return file(returnLabels.print(number, format), format,
                "return-" + number.trim().toUpperCase(Locale.ROOT) + "." + format.name().toLowerCase(Locale.ROOT));
    }

    private static StaffUser signedIn() {
        return Users.signedIn();
    }

    private static ResponseEntity<byte[]> file(byte[] content, LabelFormat format, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(content);
    }
}
