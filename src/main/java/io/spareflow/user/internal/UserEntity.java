package io.spareflow.user.internal;

import io.spareflow.common.Languages;
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
import java.util.Locale;

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
    private String supervisor;
    private boolean enabled = true;
    /** The language the user chose, as a language tag; null until they (or an administrator) choose one. */
    private String locale;
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
        this.locale = request.locale();
        this.enabled = request.enabled() == null || request.enabled();
    }

    public void speak(Locale language) {
        this.locale = language.toLanguageTag();
    }

    public void changePassword(String hash, Instant at) {
        this.passwordHash = hash;
        this.passwordChangedAt = at;
    }

    public String getUsername() {
        return username;
    }

    public UserAccount toAccount() {
        return new UserAccount(username, displayName, email, role, locationCode, supervisor,
                locale == null ? Languages.ENGLISH.toLanguageTag() : locale, enabled, passwordChangedAt);
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
        this.supervisor = user.supervisor();
    }

    /** As a mail's reader, in {@code zone} (their location's). */
    public StaffReader toReader(ZoneId zone) {
        return new StaffReader(username, displayName, email, Languages.of(locale).orElse(Languages.ENGLISH), zone);
    }

    public StaffUser toStaffUser() {
        return staffUser(username, passwordHash, displayName, email, role, locationCode, supervisor, enabled, locale);
    }

    /** A staff user from the columns of their row ({@code locale} a language tag or null), read here or by {@link UserLookup}. */
    static StaffUser staffUser(String username, String passwordHash, String displayName, String email, Role role,
                               String locationCode, String supervisor, boolean enabled, String locale) {
        return new StaffUser(username, passwordHash, displayName, email, role, locationCode, supervisor, enabled,
                Languages.of(locale).orElse(null));
    }
}
