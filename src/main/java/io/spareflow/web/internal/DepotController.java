package io.spareflow.web.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.Stock;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.user.StaffUser;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The worklists of the signed-in person's own depot: picks to do, boards waiting for their next scan, stock. */
@Controller
class DepotController {

    private static final int BOARDS_PER_LIST = 100;
    /** Boards at the depot that wait for someone, and the message key of the scan they wait for. */
    private static final Map<BoardStatus, String> WAITING = new LinkedHashMap<>();

    static {
        WAITING.put(BoardStatus.RECEIVED, "pages.depot.next.putaway");
        WAITING.put(BoardStatus.PICKED, "pages.depot.next.pack");
        WAITING.put(BoardStatus.PACKED, "pages.depot.next.ship");
        WAITING.put(BoardStatus.DEFECTIVE_RECEIVED, "pages.depot.next.toRepair");
        WAITING.put(BoardStatus.QUARANTINE, "pages.depot.next.supervisor");
    }

    private final SpareSourcing sourcing;
    private final Boards boards;
    private final Stock stock;
    private final Parts parts;

    DepotController(SpareSourcing sourcing, Boards boards, Stock stock, Parts parts) {
        this.sourcing = sourcing;
        this.boards = boards;
        this.stock = stock;
        this.parts = parts;
    }

    record Waiting(BoardStatus status, String nextKey, List<BoardInfo> boards) {
    }

    record PartStock(String partNumber, String description, long available) {
    }

    @GetMapping("/depot")
    String depot(Model model) {
        StaffUser user = CurrentUser.require();
        String depot = user.locationCode();
        model.addAttribute("depot", depot);
        model.addAttribute("picks", sourcing.picksAt(depot));
        model.addAttribute("waiting", WAITING.entrySet().stream()
                .map(e -> new Waiting(e.getKey(), e.getValue(),
                        boards.search(depot, null, e.getKey(), PageRequest.of(0, BOARDS_PER_LIST)).getContent()))
                .filter(w -> !w.boards().isEmpty()).toList());
        Map<String, PartInfo> catalogue = new LinkedHashMap<>();
        parts.all().forEach(p -> catalogue.put(p.partNumber(), p));
        model.addAttribute("stock", stock.availableByLocation(catalogue.keySet()).stream()
                .filter(level -> level.locationCode().equals(depot))
                .map(level -> new PartStock(level.partNumber(), catalogue.get(level.partNumber()).localDescription()
                        .in(LocaleContextHolder.getLocale()),
                        level.available()))
                .sorted(Comparator.comparing(PartStock::partNumber)).toList());
        return "depot";
    }
}
