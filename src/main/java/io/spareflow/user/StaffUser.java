package io.spareflow.user;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member of the service organisation, with the scope of their work: the location they belong to (what
 * they are certified for is training's: {@code training.Certifications}).
 */
public record StaffUser(String username, String passwordHash, String displayName, String email, Role role,
                        String locationCode, String supervisor, boolean enabled)
        implements UserDetails {

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
