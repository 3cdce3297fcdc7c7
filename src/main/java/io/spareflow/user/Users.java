package io.spareflow.user;

import io.spareflow.common.NotFoundException;
import io.spareflow.user.internal.UserEntity;
import io.spareflow.user.internal.UserRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    Users(UserRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<StaffUser> find(String username) {
        return username == null ? Optional.empty() : repository.findById(username.trim()).map(UserEntity::toStaffUser);
    }

    public StaffUser require(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("User", username));
    }

    public List<UserSummary> all() {
        return repository.findAllByOrderByUsername().stream().map(u -> UserSummary.of(u.toStaffUser())).toList();
    }

    public List<UserSummary> withRole(Role role) {
        return repository.findByRoleOrderByUsername(role).stream().map(u -> UserSummary.of(u.toStaffUser())).toList();
    }

    /** The user of the current request, if one is signed in. */
    public static Optional<StaffUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffUser user ? Optional.of(user) : Optional.empty();
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
