package io.spareflow.user.internal;

import io.spareflow.user.Role;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<UserEntity, String> {

    List<UserEntity> findAllByOrderByUsername();

    List<UserEntity> findByRoleOrderByUsername(Role role);
}
