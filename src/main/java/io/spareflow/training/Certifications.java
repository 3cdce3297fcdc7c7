package io.spareflow.training;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.part.ProductLine;
import io.spareflow.training.internal.CertificationEntity;
import io.spareflow.training.internal.CertificationRepository;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training certifications: recorded, revoked and read here, every change audited. "Today" is the service clock's
 * date in UTC, so a certification valid until a day holds through that day's end in UTC.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Certifications {

    /** A certification that ends within this many days of today is listed as expiring and its holder warned. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    /** Who may hold which level: agents support remotely (L1); technicians also repair boards (L2). */
    private static final Set<Role> HOLDERS = EnumSet.of(Role.AGENT, Role.TECHNICIAN);

    private final CertificationRepository certifications;
    private final Users users;
    private final Audit audit;
    private final Clock clock;

    Certifications(CertificationRepository certifications, Users users, Audit audit, Clock clock) {
        this.certifications = certifications;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today as the certifications count it. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A user's certifications, valid or not, by product line and level. */
    public List<Certification> of(String username) {
        StaffUser holder = holder(username);
        LocalDate today = today();
        return certifications.findByUsernameOrderByProductLineAscLevelAscValidUntilDesc(holder.username()).stream()
                .map(c -> c.toView(today)).toList();
    }

    @Transactional
    public Certification issue(String username, @Valid NewCertification request) {
        StaffUser holder = holder(username);
        if (!HOLDERS.contains(holder.role())) {
            throw new InvalidInputException(Message.of("training.error.holderRole", holder.username(), holder.role()));
        }
        if (request.level() == CertificationLevel.L2 && holder.role() != Role.TECHNICIAN) {
            throw new InvalidInputException(Message.of("training.error.l2TechniciansOnly", holder.username()));
        }
        if (request.validUntil().isBefore(request.validFrom())) {
            throw new InvalidInputException(Message.of("training.error.dates", request.validFrom(), request.validUntil()));
        }
        Certification issued = certifications.saveAndFlush(new CertificationEntity(holder.username(), request, clock.instant()))
                .toView(today());
        certifications.clearWarningsRenewedBy(holder.username(), request.productLine(), request.level(),
                request.validFrom().minusDays(1), request.validUntil());
        audit.record(AuditedEntity.CERTIFICATION, issued.id(), null, issued);
        return issued;
    }

    @Transactional
    public void revoke(String username, long id) {
        CertificationEntity found = certifications.findByIdAndUsername(id, holder(username).username())
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.certificationOf", username), String.valueOf(id)));
        Certification before = found.toView(today());
        certifications.delete(found);
        audit.record(AuditedEntity.CERTIFICATION, id, before, null);
    }

    /** Certifications valid today that end within {@code days} days (today included), soonest first. */
    public List<Certification> expiringWithin(int days) {
        LocalDate today = today();
        return certifications.expiringBetween(today, today.plusDays(days)).stream().map(c -> c.toView(today)).toList();
    }

    /** The product lines a user holds a valid certification of this level for today. */
    public Set<ProductLine> validLines(String username, CertificationLevel level) {
        LocalDate today = today();
        return certifications.findByUsernameOrderByProductLineAscLevelAscValidUntilDesc(username).stream()
                .filter(c -> c.level() == level && c.validOn(today)).map(CertificationEntity::productLine)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProductLine.class)));
    }

    /** The users holding a valid certification of this line and level today. */
    public Set<String> holders(ProductLine line, CertificationLevel level) {
        return Set.copyOf(certifications.holdersOn(line, level, today()));
    }

    private StaffUser holder(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
    }
}
