package io.spareflow.user;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.user.internal.UserEntity;
import io.spareflow.user.internal.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;

/**
 * Creating and changing users, with the rules of their scope: a DEPOT user belongs to a depot, a TECHNICIAN to a
 * repair center, an AGENT to a location; a supervisor is a SUPERVISOR. Every change is audited; disabling a user ends
 * their sessions and API access when the change commits ({@link UserDisabled}).
 */
@Service
@Transactional
@Validated
public class UserAdministration {

    private static final Set<LocationType> DEPOTS = Set.of(LocationType.OFFICE_DEPOT, LocationType.OVERSEAS_DEPOT);

    private final UserRepository users;
    private final Locations locations;
    private final Passwords passwords;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserAdministration(UserRepository users, Locations locations, Passwords passwords, PasswordEncoder encoder,
                       Audit audit, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.locations = locations;
        this.passwords = passwords;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        return users.findAllByOrderByUsername().stream().map(UserEntity::toAccount).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return username == null ? Optional.empty() : users.findById(username.trim()).map(UserEntity::toAccount);
    }

    @Transactional(readOnly = true)
    public UserAccount require(String username) {
        return find(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
    }

    /**
     * Creates a user. With a password (which must pass the policy) they can sign in at once; without one they are
     * mailed a one-time link to choose it.
     */
    public UserAccount create(@Valid UserRequest request) {
        Map<String, Message> errors = check(request, null);
        if (request.username() == null || request.username().isBlank()) {
            errors.put("username", Message.of("people.user.usernameRequired"));
        }
        if (request.password() != null) {
            List<Message> problems = passwords.problems(request.username(), request.password());
            if (!problems.isEmpty()) {
                errors.put("password", Message.sentences(problems));
            }
        }
        refuseIfAny(errors);
        String username = request.username().trim();
        if (users.existsById(username)) {
            throw new ConflictException(Message.of("people.user.exists", username));
        }
        boolean mailLink = request.password() == null;
        String hash = encoder.encode(mailLink ? unguessable() : request.password());
        UserAccount created = users.saveAndFlush(new UserEntity(username, hash, request, mailLink ? null : clock.instant()))
                .toAccount();
        audit.record(AuditedEntity.USER, username, null, created);
        if (mailLink) {
            passwords.sendLink(username, true);
        }
        return created;
    }

    /** Replaces a user's settings (not the password: see {@link Passwords}). */
    public UserAccount update(String username, @Valid UserRequest request) {
        UserEntity entity = users.findById(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
        Map<String, Message> errors = check(request, entity.getUsername());
        if (request.username() != null && !request.username().trim().equals(entity.getUsername())) {
            errors.put("username", Message.of("people.user.noRename", entity.getUsername()));
        }
        if (request.password() != null) {
            errors.put("password", Message.of("people.user.passwordNotHere"));
        }
        refuseIfAny(errors);
        UserAccount before = entity.toAccount();
        entity.apply(request);
        UserAccount after = users.saveAndFlush(entity).toAccount();
        audit.record(AuditedEntity.USER, after.username(), before, after);
        if (before.enabled() && !after.enabled()) {
            events.publishEvent(new UserDisabled(after.username()));
        }
        return after;
    }

    /** The scope rules; field → reason. */
    private Map<String, Message> check(UserRequest request, String self) {
        Map<String, Message> errors = new LinkedHashMap<>();
        Role role = request.role();
        Optional<LocationInfo> location = Optional.ofNullable(request.locationCode()).filter(c -> !c.isBlank())
                .flatMap(locations::find);
        if (request.locationCode() != null && !request.locationCode().isBlank() && location.isEmpty()) {
            errors.put("locationCode", Message.of("people.user.noSuchLocation", request.locationCode()));
        } else if (role == Role.DEPOT && location.map(l -> !DEPOTS.contains(l.type())).orElse(true)) {
            errors.put("locationCode", Message.of("people.user.depotNeeded"));
        } else if (role == Role.TECHNICIAN && location.map(l -> l.type() != LocationType.REPAIR_CENTER).orElse(true)) {
            errors.put("locationCode", Message.of("people.user.repairCenterNeeded"));
        } else if (role == Role.AGENT && location.isEmpty()) {
            errors.put("locationCode", Message.of("people.user.locationNeeded"));
        }
        String supervisor = request.supervisor() == null || request.supervisor().isBlank() ? null : request.supervisor().trim();
        if (supervisor != null) {
            Optional<UserEntity> boss = users.findById(supervisor);
            if (supervisor.equals(self)) {
                errors.put("supervisor", Message.of("people.user.ownSupervisor"));
            } else if (boss.isEmpty() || boss.get().toStaffUser().role() != Role.SUPERVISOR) {
                errors.put("supervisor", Message.of("people.user.supervisorRole", supervisor));
            }
        }
        return errors;
    }

    private void refuseIfAny(Map<String, Message> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Message.of("people.user.invalid", Message.sentences(List.copyOf(errors.values()))), errors);
        }
    }

    /** A password nobody knows, until the user chooses one through the mailed link. */
    private String unguessable() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
