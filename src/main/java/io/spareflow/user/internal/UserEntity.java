package io.spareflow.user.internal;

import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.StaffReader;
import io.spareflow.user.StaffUser;
import io.spareflow.user.UserAccount;
import io.spareflow.user.UserRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "app_user")
public class UserEntity {

    @Id
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "display_name")
    private String displayName;
    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "location_code")
    private String locationCode;
    @Column(name = "product_lines")
    private String productLines;
    private String supervisor;
    private boolean enabled = true;
    private String locale = "en";
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Version
    private long version;

    protected UserEntity() {
    }

    /** A user created by the administration; {@code passwordHash} may be unusable until they choose one. */
    public UserEntity(String username, String passwordHash, UserRequest request, Instant passwordChangedAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        apply(request);
    }

    /** Takes every setting of the request (the username and password are not settings). */
    public void apply(UserRequest request) {
        this.displayName = request.displayName().trim();
        this.email = request.email().trim();
        this.role = request.role();
        this.locationCode = blankToNull(request.locationCode());
        this.supervisor = blankToNull(request.supervisor());
        this.locale = request.locale() == null ? "en" : request.locale();
        this.enabled = request.enabled() == null || request.enabled();
        this.productLines = request.productLines() == null ? "" : String.join(",", new TreeSet<>(request.productLines()));
    }

    public void changePassword(String hash, Instant at) {
        this.passwordHash = hash;
        this.passwordChangedAt = at;
    }

    public String getUsername() {
        return username;
    }

    public UserAccount toAccount() {
        StaffUser user = toStaffUser();
        return new UserAccount(username, displayName, email, role, locationCode, supervisor, locale, enabled,
                new TreeSet<>(user.productLines()), passwordChangedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UserEntity(NewUser user, String passwordHash) {
        this.username = user.username();
        this.passwordHash = passwordHash;
        this.displayName = user.displayName();
        this.email = user.email();
        this.role = user.role();
        this.locationCode = user.locationCode();
        this.productLines = user.productLines() == null ? "" : String.join(",", user.productLines());
        this.supervisor = user.supervisor();
    }

    /** As a mail's reader, in {@code zone} (their location's). */
    public StaffReader toReader(ZoneId zone) {
        return new StaffReader(username, displayName, email, Locale.forLanguageTag(locale), zone);
    }

    public StaffUser toStaffUser() {
        Set<String> lines = productLines == null || productLines.isBlank() ? Set.of()
                : Arrays.stream(productLines.split(",")).map(String::trim).collect(Collectors.toSet());
        return new StaffUser(username, passwordHash, displayName, email, role, locationCode, lines, supervisor, enabled);
    }
}
