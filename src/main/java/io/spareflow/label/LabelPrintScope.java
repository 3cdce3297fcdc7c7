package io.spareflow.label;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.Boards;
import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.user.StaffUser;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whose labels a user may print, the same for the API and the pages: staff bound to a location print the labels of
 * the boards at their location and the shipping labels of shipments leaving or reaching it.
 */
@Component
public class LabelPrintScope {

    private final Boards boards;

    LabelPrintScope(Boards boards) {
        this.boards = boards;
    }

    /** A board installed at a site (no location) is at no one's location: only unbound roles print its label. */
    public void requireBoardsHere(StaffUser user, List<String> serials) {
        // An over-long list is refused by the sheet itself; no need to look up thousands of boards first.
        if (!user.role().isBoundToLocation() || serials.size() > Labels.MAX_SHEET_LABELS) {
            return;
        }
        serials.forEach(serial -> {
            BoardInfo board = boards.require(serial);
            if (!user.mayActAt(board.locationCode())) {
                throw denied("scope.labels.boardElsewhere", board.serial(), user.locationCode());
            }
        });
    }

    public void requireShipmentHere(StaffUser user, String from, String to) {
        if (!user.mayActAt(from) && !user.mayActAt(to)) {
            throw denied("scope.labels.shipmentElsewhere", from, to, user.locationCode());
        }
    }

    private ForbiddenException denied(String key, Object... arguments) {
        return new ForbiddenException(Message.of(key, arguments));
    }
}
