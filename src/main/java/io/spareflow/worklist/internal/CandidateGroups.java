package io.spareflow.worklist.internal;

import io.spareflow.common.Message;
import io.spareflow.user.StaffUser;
import io.spareflow.worklist.TaskQualifications;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The candidate groups whose tasks a user may take: their role, and the groups the features qualify them for now. */
@Component
public class CandidateGroups {

    private final List<TaskQualifications> qualifications;

    CandidateGroups(List<TaskQualifications> qualifications) {
        this.qualifications = qualifications;
    }

    public List<String> of(StaffUser user) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(user.role().name());
        qualifications.forEach(q -> groups.addAll(q.groupsOf(user)));
        return new ArrayList<>(groups);
    }

    /** Why {@code user} is not (or no longer) qualified for a task offered to these groups; empty when they are. */
    public Optional<Message> refusal(StaffUser user, Collection<String> candidateGroups) {
        return qualifications.stream().map(q -> q.refusal(user, candidateGroups)).flatMap(Optional::stream).findFirst();
    }
}
