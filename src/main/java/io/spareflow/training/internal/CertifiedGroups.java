package io.spareflow.training.internal;

import io.spareflow.common.Message;
import io.spareflow.common.ProcessVariables;
import io.spareflow.part.ProductLine;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import io.spareflow.worklist.TaskQualifications;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training's qualification for the worklist: a technician with a valid L2 certification of a product line is in the
 * candidate group {@code certified:<line>} (the board-repair diagnosis is offered to it) — today, not when the task
 * was created.
 */
@Component
@Transactional(readOnly = true)
class CertifiedGroups implements TaskQualifications {

    private final Certifications certifications;
    private final CertificationRepository repository;

    CertifiedGroups(Certifications certifications, CertificationRepository repository) {
        this.certifications = certifications;
        this.repository = repository;
    }

    @Override
    public Set<String> groupsOf(StaffUser user) {
        if (user.role() != Role.TECHNICIAN) {
            return Set.of();
        }
        return certifications.validLines(user.username(), CertificationLevel.L2).stream()
                .map(line -> ProcessVariables.certifiedFor(line.name())).collect(Collectors.toSet());
    }

    @Override
    public Optional<Message> refusal(StaffUser user, Collection<String> candidateGroups) {
        List<ProductLine> asked = candidateGroups.stream().flatMap(group -> lineOf(group).stream()).toList();
        Set<String> held = groupsOf(user);
        if (asked.isEmpty() || candidateGroups.stream().anyMatch(held::contains)) {
            return Optional.empty();
        }
        ProductLine line = asked.get(0);
        LocalDate today = certifications.today();
        Optional<CertificationEntity> last = repository.findByUsernameOrderByProductLineAscLevelAscValidUntilDesc(user.username())
                .stream().filter(c -> c.productLine() == line && c.level() == CertificationLevel.L2)
                .max(Comparator.comparing(CertificationEntity::validUntil));
        if (user.role() != Role.TECHNICIAN || last.isEmpty()) {
            return Optional.of(Message.of("training.refused.none", user.username(), line.name()));
        }
        return Optional.of(last.get().validUntil().isBefore(today)
                ? Message.of("training.refused.expired", user.username(), line.name(), last.get().validUntil())
                : Message.of("training.refused.notYet", user.username(), line.name(), last.get().toView(today).validFrom()));
    }

    /** The product line of a {@code certified:<line>} group. */
    private static Optional<ProductLine> lineOf(String group) {
        if (!group.startsWith(ProcessVariables.CERTIFIED_GROUP_PREFIX)) {
            return Optional.empty();
        }
        String name = group.substring(ProcessVariables.CERTIFIED_GROUP_PREFIX.length());
        return Arrays.stream(ProductLine.values()).filter(line -> line.name().equals(name)).findFirst();
    }
}
