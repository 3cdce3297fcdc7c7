package io.spareflow.web.internal;

import io.spareflow.common.Texts;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.CaseView;
import io.spareflow.worklist.Worklist;
import io.spareflow.rma.Cases;
import io.spareflow.worklist.TaskView;
import io.spareflow.user.StaffUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hotline: report a fault, work the task list (accept, diagnose with known fixes of past repairs, close), and
 * watch one's own cases.
 */
@Controller
class HotlineController {

    private static final int MY_CASES = 100;

    private final Cases cases;
    private final Worklist work;
    private final Customers customers;
    private final Boards boards;
    private final TaskForms taskForms;
    private final Texts texts;

    HotlineController(Cases cases, Worklist work, Customers customers, Boards boards, TaskForms taskForms, Texts texts) {
        this.cases = cases;
        this.work = work;
        this.customers = customers;
        this.boards = boards;
        this.taskForms = taskForms;
        this.texts = texts;
    }

    @GetMapping("/hotline")
    String hotline(Model model) {
        StaffUser user = CurrentUser.require();
        model.addAttribute("customers", customers.all());
        model.addAttribute("channels", CaseChannel.values());
        model.addAttribute("boardStatuses", BoardStatus.values());
        List<TaskView> tasks = work.tasksFor(user);
        model.addAttribute("tasks", tasks);
        model.addAttribute("myCases", cases.open(user.username(), MY_CASES));
        return "hotline";
    }

    /** The faulty-serial lookup of the report form: what the registry knows of the board (it normalizes the serial). */
    @GetMapping("/hotline/boards/{serial}")
    @ResponseBody
    ResponseEntity<BoardInfo> board(@PathVariable String serial) {
        return ResponseEntity.of(boards.find(serial));
    }

    @PostMapping("/hotline/report")
    String report(@RequestParam String customerCode, @RequestParam(required = false) Long siteId,
                  @RequestParam(required = false) String faultySerial, @RequestParam String symptom, @RequestParam CaseChannel channel,
                  RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            CaseView created = cases.report(new CaseReport(customerCode, siteId,
                    faultySerial == null ? null : faultySerial.trim(), symptom, channel));
            return texts.get("pages.hotline.reported", created.number());
        });
        return "redirect:/hotline";
    }

    /** Completes a task (Accept, Diagnose, Close…) with the fields of its form; an unassigned task is taken first. */
    @PostMapping("/hotline/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        taskForms.complete(id, params, CurrentUser.require(), flash);
        return "redirect:/hotline";
    }
}
