package io.spareflow.worklist.internal;

import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import io.spareflow.worklist.TaskView;
import io.spareflow.worklist.Worklist;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "The caller's tasks and their groups' tasks: claim and complete with form fields")
class TaskController {

    private final Worklist worklist;

    TaskController(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping
    @Operation(summary = "Tasks assigned to the caller or offered to their groups, oldest first")
    List<TaskView> list() {
        return worklist.tasksFor(user());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with its form fields (and, for a board's diagnosis, known fixes)")
    TaskView get(@PathVariable String id) {
        return worklist.find(id, user());
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take a task offered to one of the caller's groups (409 if someone else has it)")
    TaskView claim(@PathVariable String id) {
        return worklist.claim(id, user());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task with its form fields; a wrong value is a 400 listing the allowed ones")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> fields) {
        worklist.complete(id, fields, user());
        return ResponseEntity.noContent().build();
    }

    private static StaffUser user() {
        return Users.signedIn();
    }
}
