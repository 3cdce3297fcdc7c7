package io.spareflow.rma.internal.process;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.spareflow.common.ProblemResponses;
import io.spareflow.common.Texts;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The engine's refusals of a concurrent change reach an RMA endpoint's caller as 409 problems, ahead of the
 * application's catch-all for unexpected errors (500).
 */
class EngineConflictsTest {

    private final Texts texts = texts();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RacingController())
            .setControllerAdvice(new ProblemResponses(texts), new EngineConflicts(texts)).build();

    /** The application's own texts (English: the request names no language). */
    private static Texts texts() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/pages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return new Texts(bundles);
    }

    @Test
    void aTaskTakenAtTheSameMomentIsAConflict() throws Exception {
        mvc.perform(post("/race/claim"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Someone else took this task")));
    }

    @Test
    void aCaseChangedAtTheSameMomentIsAConflict() throws Exception {
        mvc.perform(post("/race/complete"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Changed concurrently"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nothing was changed by this request")));
    }

    /** Stands for the tasks API at the moment the engine refuses the second of two concurrent requests. */
    @RestController
    static class RacingController {

        @PostMapping("/race/claim")
        void claim() {
            throw new TaskAlreadyClaimedException("task-1", "agent");
        }

        @PostMapping("/race/complete")
        void complete() {
            throw new OptimisticLockingException("ExecutionEntity[1] was updated by another transaction concurrently");
        }
    }
}
