package io.spareflow.web.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.InvalidInputException;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanCode;
import io.spareflow.scan.ScanReply;
import io.spareflow.scan.ScanRequest;
import io.spareflow.scan.Scans;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The scan station. The browser posts its scans here, on the signed-in session with the CSRF header, rather than to
 * the stateless HTTP Basic API: the page never holds a password. The scan itself is the API's: {@link Scans}.
 */
@Controller
class ScanStationController {

    private final Scans scans;
    private final Boards boards;

    ScanStationController(Scans scans, Boards boards) {
        this.scans = scans;
        this.boards = boards;
    }

    @GetMapping("/scan")
    String station(Model model) {
        StaffUser user = CurrentUser.require();
        model.addAttribute("location", user.locationCode());
        model.addAttribute("actions", ScanAction.values());
        model.addAttribute("defaultAction", expectedFirst(user));
        return "scan";
    }

    /** Same contract as POST /api/scans: the first answer to a clientScanId, replayed on a retry. */
    @PostMapping(path = "/scan/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> submit(@Valid @RequestBody ScanRequest request) {
        ScanReply reply = scans.scan(request, CurrentUser.require());
        return ResponseEntity.status(reply.status())
                .contentType(reply.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .body(reply.body());
    }

    @PostMapping(path = "/scan/decode", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ScanCode decode(@RequestPart("photo") MultipartFile photo) {
        try (InputStream in = photo.getInputStream()) {
            return scans.readPhoto(in);
        } catch (IOException e) {
            throw new InvalidInputException("The photo could not be read from the upload: " + e.getMessage(),
                    Map.of("photo", "unreadable upload"));
        }
    }

    /** What this person most likely scans first: the depot's picks when there are any, else what arrives. */
    private ScanAction expectedFirst(StaffUser user) {
        if (user.role() == Role.TECHNICIAN) {
            return ScanAction.DEFECTIVE_RECEIVE;
        }
        boolean picksWaiting = !boards.search(user.locationCode(), null, BoardStatus.RESERVED, PageRequest.of(0, 1))
                .isEmpty();
        return picksWaiting ? ScanAction.PICK : ScanAction.RECEIVE;
    }
}
