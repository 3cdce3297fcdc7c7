package io.spareflow.rma.internal;

import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.part.ProductLine;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The L1 consult of a remote diagnosis: a first owner without a valid L1 (remote support) certification for the
 * product lines of the case's boards keeps the case and its diagnosis, and a certified colleague is asked for advice.
 * The colleague is an enabled agent holding a valid L1 certification for every such line, at the first owner's
 * location first, then by user name (the same choice on every node); with none anywhere, the first owner's supervisor
 * is asked and the case escalated. Both the question and the answer are on the case's timeline.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CaseConsults {

    private final CaseLookup lookup;
    private final CaseDeadlines deadlines;
    private final Parts parts;
    private final Certifications certifications;
    private final Users users;
    private final Texts texts;
    private final Clock clock;

    CaseConsults(CaseLookup lookup, CaseDeadlines deadlines, Parts parts, Certifications certifications, Users users,
                 Texts texts, Clock clock) {
        this.lookup = lookup;
        this.deadlines = deadlines;
        this.parts = parts;
        this.certifications = certifications;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The product lines of the case's boards its first owner holds no valid L1 certification for today; none when
     * every line is covered, no board is named yet, or nobody owns the case.
     */
    public Set<ProductLine> uncoveredLines(String caseNumber) {
        CaseEntity entity = lookup.require(caseNumber);
        if (entity.firstOwner() == null) {
            return Set.of();
        }
        Set<ProductLine> lines = entity.lines().stream().map(CaseLineEntity::partNumber).filter(Objects::nonNull)
                .map(parts::require).map(PartInfo::productLine)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProductLine.class)));
        lines.removeAll(certifications.validLines(entity.firstOwner(), CertificationLevel.L1));
        return lines;
    }

    /** Asks a colleague for advice (recorded on the timeline) and returns who was asked. */
    public String ask(String caseNumber) {
        Set<ProductLine> lines = uncoveredLines(caseNumber);
        CaseEntity entity = lookup.lock(caseNumber);
        StaffUser owner = users.require(entity.firstOwner());
        String names = lines.stream().map(ProductLine::name).collect(Collectors.joining(", "));
        Optional<StaffUser> colleague = certifiedColleague(owner, lines);
        if (colleague.isPresent()) {
            entity.record(clock.instant(), TimelineKind.CONSULT_REQUESTED, owner.username(), Message.of(
                    "training.consult.requested", owner.username(), names, colleague.get().displayName(),
                    colleague.get().username()));
            return colleague.get().username();
        }
        String supervisor = Optional.ofNullable(owner.supervisor()).or(users::monitoringSupervisor)
                .orElseThrow(() -> new IllegalStateException("Nobody to ask for advice on case " + caseNumber));
        Message reason = Message.of("training.consult.noneCertified", owner.username(), names, supervisor);
        entity.record(clock.instant(), TimelineKind.CONSULT_REQUESTED, owner.username(), reason);
        deadlines.escalate(caseNumber, SlaStep.REMOTE_DIAGNOSIS, reason);
        return supervisor;
    }

    /** The colleague's advice, on the timeline; returns it as the first owner reads it with their diagnosis task. */
    public String answered(String caseNumber, String consultant, String advice) {
        CaseEntity entity = lookup.lock(caseNumber);
        String name = users.find(consultant).map(StaffUser::displayName).orElse(consultant);
        entity.record(clock.instant(), TimelineKind.CONSULT_ANSWERED, consultant,
                Message.of("training.consult.answered", name, consultant, advice));
        return users.reader(entity.firstOwner())
                .map(owner -> texts.in(owner.locale(), "training.consult.answered", name, consultant, advice))
                .orElseGet(() -> texts.get("training.consult.answered", name, consultant, advice));
    }

    private Optional<StaffUser> certifiedColleague(StaffUser owner, Set<ProductLine> lines) {
        Set<String> certifiedForAll = lines.stream().map(line -> certifications.holders(line, CertificationLevel.L1))
                .reduce((some, others) -> some.stream().filter(others::contains).collect(Collectors.toSet()))
                .orElse(Set.of());
        return certifiedForAll.stream().filter(username -> !username.equals(owner.username()))
                .map(users::find).flatMap(Optional::stream)
                .filter(user -> user.role() == Role.AGENT && user.isEnabled())
                .min(Comparator.comparing((StaffUser user) -> !Objects.equals(user.locationCode(), owner.locationCode()))
                        .thenComparing(StaffUser::username));
    }
}
