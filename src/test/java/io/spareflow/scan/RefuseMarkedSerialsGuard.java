package io.spareflow.scan;

import io.spareflow.common.Message;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A guard of "another feature" for the scan tests: it refuses to pick boards whose serial starts with GUARDED, naming
 * the board it expects instead, like spare sourcing does for a wrong pick. Harmless to every other test's data.
 */
@Component
class RefuseMarkedSerialsGuard implements ScanGuard {

    static final String MARK = "GUARDED";

    @Override
    public Optional<Message> refuse(ScanAttempt attempt) {
        return attempt.board().serial().startsWith(MARK) && attempt.action() == ScanAction.PICK
                ? Optional.of(Message.of("errors.scan.pickReserved", "EXPECTED-" + attempt.board().serial().substring(MARK.length()),
                        "TEST-CASE", "TEST-PART"))
                : Optional.empty();
    }
}
