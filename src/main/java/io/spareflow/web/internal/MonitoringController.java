package io.spareflow.web.internal;

import io.spareflow.common.Texts;
import io.spareflow.rma.TimelineKind;
import io.spareflow.rma.SlaStep;
import io.spareflow.board.Stock;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitoring center: open cases by state and tier, breaches and escalations now, stock by depot, transfers. */
@Controller
class MonitoringController {

    /** The open cases shown (newest first); far more than a monitoring center has open at once. */
    private static final int OPEN_CASES_SHOWN = 2000;
    private static final int RECENT_ESCALATIONS = 30;

    private final Cases cases;
    private final Stock stock;
    private final Parts parts;
    private final Locations locations;
    private final Users users;
    private final Texts texts;

    MonitoringController(Cases cases, Stock stock, Parts parts, Locations locations, Users users, Texts texts) {
        this.cases = cases;
        this.stock = stock;
        this.parts = parts;
        this.locations = locations;
        this.users = users;
        this.texts = texts;
    }

    record OpenBreach(String caseNumber, SlaStep step, Instant limitAt, Instant detectedAt, String owner, String tier) {
    }

    record Escalation(String caseNumber, Instant at, String text) {
    }

    record DepotStock(String code, String city, long available) {
    }

    @GetMapping("/monitor")
    String monitor(Model model) {
        List<CaseView> open = cases.open(null, OPEN_CASES_SHOWN);
        TreeSet<String> tiers = open.stream().map(CaseView::tier).collect(Collectors.toCollection(TreeSet::new));
        Map<CaseState, Map<String, Long>> byStateAndTier = new TreeMap<>();
        open.forEach(c -> byStateAndTier.computeIfAbsent(c.state(), s -> new TreeMap<>()).merge(c.tier(), 1L, Long::sum));
        model.addAttribute("openCount", open.size());
        model.addAttribute("tiers", tiers);
        model.addAttribute("byStateAndTier", byStateAndTier);
        // The live redraw names states, steps, depots' cities and parts in the page's language too.
        model.addAttribute("caseStates", CaseState.values());
        model.addAttribute("slaSteps", SlaStep.values());
        model.addAttribute("partNumbers", parts.all().stream().map(PartInfo::partNumber).toList());
        model.addAttribute("breaches", open.stream()
                .flatMap(c -> c.breaches().stream().filter(b -> b.actualAt() == null)
                        .map(b -> new OpenBreach(c.number(), b.step(), b.limitAt(), b.detectedAt(), b.owner(), c.tier())))
                .sorted(Comparator.comparing(OpenBreach::limitAt)).toList());
        model.addAttribute("escalations", open.stream()
                .flatMap(c -> c.timeline().stream().filter(t -> t.kind() == TimelineKind.ESCALATED)
                        .map(t -> new Escalation(c.number(), t.at(), t.text())))
                .sorted(Comparator.comparing(Escalation::at).reversed()).limit(RECENT_ESCALATIONS).toList());
        List<DepotStock> depots = depotStock();
        model.addAttribute("depots", depots);
        model.addAttribute("maxStock", depots.stream().mapToLong(DepotStock::available).max().orElse(1));
        model.addAttribute("agents", users.withRole(Role.AGENT));
        return "monitor";
    }

    @PostMapping("/monitor/transfer")
    String transfer(@RequestParam String caseNumber, @RequestParam String toUser, @RequestParam String reason,
                    RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            CaseView moved = cases.transfer(caseNumber, toUser, reason.trim());
            return texts.get("pages.monitor.transferred", moved.number(), moved.firstOwner().displayName());
        });
        return "redirect:/monitor";
    }

    private List<DepotStock> depotStock() {
        Map<String, Long> available = stock.availableByLocation(parts.all().stream().map(PartInfo::partNumber).toList())
                .stream().collect(Collectors.groupingBy(Stock.Level::locationCode, Collectors.summingLong(Stock.Level::available)));
        return locations.depots().stream()
                .map(d -> new DepotStock(d.code(), d.city(), available.getOrDefault(d.code(), 0L)))
                .sorted(Comparator.comparing(DepotStock::available).reversed()).toList();
    }
}
