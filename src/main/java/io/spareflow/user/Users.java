package io.spareflow.user;

import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.user.internal.UserEntity;
import io.spareflow.user.internal.UserRepository;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff users, their roles and scopes. */
@Service
@Transactional(readOnly = true)
public class Users {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Locations locations;

    Users(UserRepository repository, PasswordEncoder passwordEncoder, Locations locations) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.locations = locations;
    }

    public Optional<StaffUser> find(String username) {
        return username == null ? Optional.empty() : repository.findById(username.trim()).map(UserEntity::toStaffUser);
    }

    public StaffUser require(String username) {
        return find(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
    }

    /**
     * The user as a mail's reader: their language, and their location's time zone (UTC for a user without a
     * location).
     */
    public Optional<StaffReader> reader(String username) {
        return username == null ? Optional.empty() : repository.findById(username.trim()).map(user -> user.toReader(
                Optional.ofNullable(user.toStaffUser().locationCode()).flatMap(locations::find).map(LocationInfo::zone)
                        .orElse(ZoneOffset.UTC)));
    }

    public List<UserSummary> all() {
        return repository.findAllByOrderByUsername().stream().map(u -> UserSummary.of(u.toStaffUser())).toList();
    }

    /**
     * Who answers for a case nobody owns yet: an enabled supervisor of the monitoring center (a HQ location), else
     * any enabled supervisor; by user name, so the choice is the same on every node.
     */
    public Optional<String> monitoringSupervisor() {
        Set<String> monitoringCenters = locations.ofType(LocationType.HQ).stream().map(LocationInfo::code)
                .collect(Collectors.toSet());
        List<StaffUser> onDuty = repository.findByRoleOrderByUsername(Role.SUPERVISOR).stream().map(UserEntity::toStaffUser)
                .filter(StaffUser::enabled).toList();
        return onDuty.stream().filter(user -> monitoringCenters.contains(user.locationCode())).findFirst()
                .or(() -> onDuty.stream().findFirst()).map(StaffUser::username);
    }

    public List<UserSummary> withRole(Role role) {
        return repository.findByRoleOrderByUsername(role).stream().map(u -> UserSummary.of(u.toStaffUser())).toList();
    }

    /** The user of the current request, if one is signed in. */
    public static Optional<StaffUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffUser user ? Optional.of(user) : Optional.empty();
    }

    /** The time zone the current request's user reads times in: their location's; UTC for nobody or no location. */
    public ZoneId currentZone() {
        return current().map(StaffUser::locationCode).flatMap(locations::find).map(LocationInfo::zone)
                .orElse(ZoneOffset.UTC);
    }

    /** The user of the current request; refused (403) when nobody is signed in. */
    public static StaffUser signedIn() {
        return current().orElseThrow(() -> new ForbiddenException(Message.of("errors.signIn")));
    }

    /** Remembers the language {@code username} chose for their pages and mail; answers the user speaking it. */
    @Transactional
    public StaffUser changeLanguage(String username, Locale language) {
        UserEntity user = repository.findById(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
        user.speak(language);
        return user.toStaffUser();
    }

    @Transactional
    public void create(NewUser user) {
        repository.save(new UserEntity(user, passwordEncoder.encode(user.password())));
    }

    /** Creates many users sharing one password, hashed once (demo data: a hash per user would cost seconds). */
    @Transactional
    public void createAllWithPassword(Collection<NewUser> users, String password) {
        String hash = passwordEncoder.encode(password);
        repository.saveAll(users.stream().map(u -> new UserEntity(u, hash)).toList());
    }

    public long count() {
        return repository.count();
    }
}
