package io.spareflow.tier.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceTierRepository extends JpaRepository<ServiceTierEntity, String> {

    List<ServiceTierEntity> findAllByOrderByAcceptMinutes();
}
