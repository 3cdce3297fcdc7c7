package io.spareflow.rma.internal.process;

import io.spareflow.common.ProblemResponses;
import io.spareflow.common.Texts;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two requests that change the same case or task at the same moment: the engine lets one through and refuses the
 * other, which is answered as a conflict (nothing of it was applied) instead of an unexpected error. For every
 * feature's API: a scan or a reservation can meet the engine's optimistic lock as well as a task can.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineConflicts {

    private final Texts texts;

    EngineConflicts(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ProblemDetail alreadyClaimed(TaskAlreadyClaimedException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, texts.get("problem.title.conflict"), texts.get("problem.taskTaken"));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrentChange(OptimisticLockingException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, texts.get("problem.title.changedConcurrently"),
                texts.get("problem.caseChangedConcurrently"));
    }
}
