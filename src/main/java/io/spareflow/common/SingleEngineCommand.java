package io.spareflow.common;

import java.util.function.Supplier;

/**
 * Runs a request's calls to the process engine as one engine command: each call on its own is a command that reads
 * its task, execution tree and process definition again, while calls made inside one command share what the first
 * read (docs/performance.md, sixth session, "the lifecycle's statements and history rows", lane life9). The
 * engine's changes are written when the command ends, in the surrounding transaction. A refusal ({@link Explained})
 * thrown inside comes out as it was thrown.
 */
public interface SingleEngineCommand {

    <T> T call(Supplier<T> work);

    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
