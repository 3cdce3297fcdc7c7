package io.spareflow.tier;

import io.spareflow.common.NotFoundException;
import io.spareflow.tier.internal.ServiceTierEntity;
import io.spareflow.tier.internal.ServiceTierRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service tiers: editable data, read by sourcing and the case lifecycle to compute due times. */
@Service
@Transactional(readOnly = true)
public class ServiceTiers {

    private final ServiceTierRepository repository;

    ServiceTiers(ServiceTierRepository repository) {
        this.repository = repository;
    }

    public List<ServiceTier> all() {
        return repository.findAllByOrderByAcceptMinutes().stream().map(ServiceTierEntity::toTier).toList();
    }

    public Optional<ServiceTier> find(String name) {
        return name == null ? Optional.empty() : repository.findById(name.trim().toUpperCase(Locale.ROOT)).map(ServiceTierEntity::toTier);
    }

    public ServiceTier require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("Service tier", name));
    }

    /** Replaces a tier's limits; existing cases keep the due times they were given. */
    @Transactional
    public ServiceTier update(String name, ServiceTier limits) {
        ServiceTierEntity entity = repository.findById(name.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("Service tier", name));
        entity.update(limits);
        return repository.saveAndFlush(entity).toTier();
    }
}
