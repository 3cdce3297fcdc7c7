package io.spareflow.worklist;

import io.spareflow.common.Message;
import io.spareflow.user.StaffUser;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A feature that qualifies people for candidate groups beyond their role (training: {@code certified:<product line>}
 * for a valid certification). Asked each time a task is listed, claimed or completed, so a qualification that lapses
 * takes the tasks with it and a renewed one gives them back.
 */
public interface TaskQualifications {

    /** The groups {@code user} is qualified for now. */
    Set<String> groupsOf(StaffUser user);

    /**
     * Why {@code user} may not work on a task offered to {@code candidateGroups}, when those include groups this
     * feature grants and the user holds none of them now; empty otherwise. The text is for the person refused.
     */
    Optional<Message> refusal(StaffUser user, Collection<String> candidateGroups);
}
