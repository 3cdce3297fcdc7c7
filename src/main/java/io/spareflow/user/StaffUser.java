package io.spareflow.user;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member of the service organisation, with the scope of their work: the location they belong to (what
 * they are certified for is training's: {@code training.Certifications}); and the language they chose for their
 * pages, or null when they never chose one (their browser's language is used then).
 */
public record StaffUser(String username, String passwordHash, String displayName, String email, Role role,
                        String locationCode, String supervisor, boolean enabled, Locale chosenLanguage)
        implements UserDetails {

    /** The same user speaking {@code language} (their principal after they switched). */
    public StaffUser speaking(Locale language) {
        return new StaffUser(username, passwordHash, displayName, email, role, locationCode, supervisor, enabled,
                language);
    }

    /** Whether this user may act at {@code location}: location-bound roles only at their own. */
    public boolean mayActAt(String location) {
        return !role.isBoundToLocation() || (locationCode != null && locationCode.equalsIgnoreCase(location));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never serialize the hash. */
    @Override
    public String toString() {
        return "StaffUser[" + username + ", " + role + (locationCode == null ? "" : " @" + locationCode) + "]";
    }
}
