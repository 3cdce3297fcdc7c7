package io.spareflow.tier;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.tier.internal.ServiceTierEntity;
import io.spareflow.tier.internal.ServiceTierRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service tiers: editable data, read by sourcing and the case lifecycle to compute due times. */
@Service
@Transactional(readOnly = true)
public class ServiceTiers {

    private final ServiceTierRepository repository;
    private final Audit audit;

    ServiceTiers(ServiceTierRepository repository, Audit audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public List<ServiceTier> all() {
        return repository.findAllByOrderByAcceptMinutes().stream().map(ServiceTierEntity::toTier).toList();
    }

    public Optional<ServiceTier> find(String name) {
        return name == null ? Optional.empty() : repository.findById(name.trim().toUpperCase(Locale.ROOT)).map(ServiceTierEntity::toTier);
    }

    public ServiceTier require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.tier"), name));
    }

    /** Replaces a tier's limits; existing cases keep the due times they were given. */
    @Transactional
    public ServiceTier update(String name, ServiceTier limits) {
        ServiceTierEntity entity = repository.findById(key(name))
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.tier"), name));
        ServiceTier before = entity.toTier();
        entity.update(limits);
        ServiceTier after = repository.saveAndFlush(entity).toTier();
        audit.record(AuditedEntity.SERVICE_TIER, after.name(), before, after);
        return after;
    }

    /** Creates a tier; its name is stored in upper case and must be new. */
    @Transactional
    public ServiceTier create(ServiceTier tier) {
        String name = key(tier.name());
        if (repository.existsById(name)) {
            throw new ConflictException(Message.of("people.tier.exists", name));
        }
        ServiceTier created = repository.saveAndFlush(new ServiceTierEntity(name, tier)).toTier();
        audit.record(AuditedEntity.SERVICE_TIER, name, null, created);
        return created;
    }

    /**
     * Deletes a tier that nothing refers to. A contract or a case naming it keeps it: the database's foreign keys
     * decide, so a contract written at the same moment cannot slip through.
     */
    @Transactional
    public void delete(String name) {
        ServiceTierEntity entity = repository.findById(key(name))
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.tier"), name));
        ServiceTier before = entity.toTier();
        try {
            repository.delete(entity);
            repository.flush();
        } catch (DataIntegrityViolationException used) {
            throw new ConflictException(Message.of("people.tier.inUse", before.name()));
        }
        audit.record(AuditedEntity.SERVICE_TIER, before.name(), before, null);
    }

    private static String key(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }
}
