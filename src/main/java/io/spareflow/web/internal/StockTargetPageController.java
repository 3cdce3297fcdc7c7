package io.spareflow.web.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.location.Locations;
import io.spareflow.part.Parts;
import io.spareflow.repair.StockTargets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Stock targets per depot and part: the explicit ones, filtered, and a form to set one. */
@Controller
class StockTargetPageController {

    private final StockTargets targets;
    private final Locations locations;
    private final Parts parts;
    private final Texts texts;

    StockTargetPageController(StockTargets targets, Locations locations, Parts parts, Texts texts) {
        this.targets = targets;
        this.locations = locations;
        this.parts = parts;
        this.texts = texts;
    }

    @GetMapping("/admin/stock-targets")
    String page(@RequestParam(required = false) String depot, @RequestParam(required = false) String part, Model model) {
        model.addAttribute("targets", targets.find(depot, part));
        model.addAttribute("defaultTarget", targets.defaultTarget());
        model.addAttribute("depots", locations.depots());
        model.addAttribute("parts", parts.all());
        model.addAttribute("depot", depot);
        model.addAttribute("part", part);
        return "admin/stock-targets";
    }

    @PostMapping("/admin/stock-targets")
    String set(@RequestParam String depot, @RequestParam String part, @RequestParam String target, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            int value;
            try {
                value = Integer.parseInt(target.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Message.of("people.stock.negative"));
            }
            var set = targets.set(depot, part, value);
            return texts.get("people.stock.saved", set.depot(), set.partNumber(), set.target());
        });
        return "redirect:/admin/stock-targets?depot=" + depot;
    }
}
