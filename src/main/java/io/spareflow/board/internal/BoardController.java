package io.spareflow.board.internal;

import io.spareflow.board.BoardHistory;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/boards")
@Tag(name = "Boards", description = "Serialized boards: where each one is and in which state")
class BoardController {

    private final Boards boards;

    BoardController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping
    @Operation(summary = "List boards, filtered by location, part and status (paged, max 500 a page)")
    PageOf<BoardInfo> list(@RequestParam(required = false) String location, @RequestParam(required = false) String part,
                           @RequestParam(required = false) BoardStatus status,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<BoardInfo> result = boards.search(location, part, status,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
        return PageOf.of(result);
    }

    @GetMapping("/{serial}")
    @Operation(summary = "One board by serial (case-insensitive), with its chain of custody and the leg durations between hand-offs")
    BoardHistory get(@PathVariable String serial) {
        return boards.history(serial);
    }
}
