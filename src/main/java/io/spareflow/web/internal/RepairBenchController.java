package io.spareflow.web.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.repair.Repairs;
import io.spareflow.worklist.Worklist;
import io.spareflow.worklist.TaskView;
import io.spareflow.user.StaffUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The repair bench of the technician's own repair center: intake queue, diagnosis with known fixes, results. */
@Controller
class RepairBenchController {

    private static final int BOARDS_PER_LIST = 100;

    private final Boards boards;
    private final Worklist work;
    private final Repairs repairs;
    private final TaskForms taskForms;

    RepairBenchController(Boards boards, Worklist work, Repairs repairs, TaskForms taskForms) {
        this.boards = boards;
        this.work = work;
        this.repairs = repairs;
        this.taskForms = taskForms;
    }

    @GetMapping("/repair")
    String bench(Model model) {
        StaffUser user = CurrentUser.require();
        String center = user.locationCode();
        model.addAttribute("center", center);
        List<BoardInfo> toIntake = waiting(center, BoardStatus.DEFECTIVE_RECEIVED);
        List<BoardInfo> inRepair = waiting(center, BoardStatus.IN_REPAIR);
        model.addAttribute("toIntake", toIntake);
        model.addAttribute("inRepair", inRepair);
        model.addAttribute("deadOnArrival", repairs.deadOnArrival(Stream.concat(toIntake.stream(), inRepair.stream())
                .map(BoardInfo::serial).toList()));
        List<TaskView> tasks = work.tasksFor(user);
        model.addAttribute("tasks", tasks);
        return "repair";
    }

    @PostMapping("/repair/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        taskForms.complete(id, params, CurrentUser.require(), flash);
        return "redirect:/repair";
    }

    private List<BoardInfo> waiting(String center, BoardStatus status) {
        return boards.search(center, null, status, PageRequest.of(0, BOARDS_PER_LIST)).getContent();
    }
}
