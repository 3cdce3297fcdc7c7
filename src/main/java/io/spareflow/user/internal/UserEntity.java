package io.spareflow.user.internal;

import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
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

    protected UserEntity() {
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

    public StaffUser toStaffUser() {
        Set<String> lines = productLines == null || productLines.isBlank() ? Set.of()
                : Arrays.stream(productLines.split(",")).map(String::trim).collect(Collectors.toSet());
        return new StaffUser(username, passwordHash, displayName, email, role, locationCode, lines, supervisor, enabled);
    }
}
