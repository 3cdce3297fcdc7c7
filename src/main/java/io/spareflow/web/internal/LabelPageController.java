package io.spareflow.web.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.Boards;
import io.spareflow.label.LabelFormat;
import io.spareflow.label.Labels;
import io.spareflow.user.StaffUser;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
    private final Boards boards;

    LabelPageController(Labels labels, Boards boards) {
        this.labels = labels;
        this.boards = boards;
    }

    @GetMapping("/labels/boards/{serial}.{extension}")
    ResponseEntity<byte[]> board(@PathVariable String serial, @PathVariable String extension,
                                 @RequestParam(defaultValue = "2x1") String size) {
        LabelFormat format = LabelFormat.ofExtension(extension);
        requireHere(serial, CurrentUser.require());
        return file(labels.board(serial, size, format), format, serial + "-" + size + "." + extension.toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping("/labels/sheet")
    ResponseEntity<byte[]> sheet(@RequestParam List<String> serials, @RequestParam(defaultValue = "2x1") String size) {
        StaffUser user = CurrentUser.require();
        serials.forEach(serial -> requireHere(serial, user));
        return file(labels.boardSheet(serials, size), LabelFormat.PDF, "labels-" + size + ".pdf");
    }

    /** A board installed at a site (no location) is at no one's location: only unbound roles print its label. */
    private void requireHere(String serial, StaffUser user) {
        BoardInfo board = boards.require(serial);
        if (!user.mayActAt(board.locationCode())) {
            throw new AccessDeniedException("Board " + board.serial() + " is not at " + user.locationCode()
                    + ": print labels of the boards at your own location");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] content, LabelFormat format, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(content);
    }
}
