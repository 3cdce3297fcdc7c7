package io.spareflow.web.internal;

import io.spareflow.label.LabelFormat;
import io.spareflow.label.LabelPrintScope;
import io.spareflow.label.Labels;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Labels printed from the worklists, on the signed-in session: one board (PNG, PDF, ZPL) or an A4 sheet. Staff bound to
 * a location print labels of the boards at their location only.
 */
@Controller
class LabelPageController {

    private final Labels labels;
    private final LabelPrintScope scope;

    LabelPageController(Labels labels, LabelPrintScope scope) {
        this.labels = labels;
        this.scope = scope;
    }

    @GetMapping("/labels/boards/{serial}.{extension}")
    ResponseEntity<byte[]> board(@PathVariable String serial, @PathVariable String extension,
                                 @RequestParam(defaultValue = "2x1") String size) {
        LabelFormat format = LabelFormat.ofExtension(extension);
        scope.requireBoardsHere(CurrentUser.require(), List.of(serial));
        return file(labels.board(serial, size, format), format, serial + "-" + size + "." + extension.toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping("/labels/sheet")
    ResponseEntity<byte[]> sheet(@RequestParam List<String> serials, @RequestParam(defaultValue = "2x1") String size) {
        scope.requireBoardsHere(CurrentUser.require(), serials);
        return file(labels.boardSheet(serials, size), LabelFormat.PDF, "labels-" + size + ".pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] content, LabelFormat format, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(content);
    }
}
