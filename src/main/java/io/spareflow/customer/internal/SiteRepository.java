package io.spareflow.customer.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SiteRepository extends JpaRepository<SiteEntity, Long> {
}
