package io.spareflow.web.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.scan.ScanAction;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scan station page; its script sends the scans to {@link ScanStationEndpoints}. */
@Controller
class ScanStationController {

    private final Boards boards;

    ScanStationController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping("/scan")
    String station(Model model) {
        StaffUser user = CurrentUser.require();
        model.addAttribute("location", user.locationCode());
        model.addAttribute("username", user.username());
        model.addAttribute("actions", ScanAction.values());
        model.addAttribute("defaultAction", expectedFirst(user));
        return "scan";
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
