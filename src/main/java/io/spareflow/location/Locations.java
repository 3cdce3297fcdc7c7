package io.spareflow.location;

import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.location.internal.LocationEntity;
import io.spareflow.location.internal.LocationRepository;
import io.spareflow.location.internal.LocationRules;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The location network: HQ, office and overseas depots, repair centers. */
@Service
@Transactional(readOnly = true)
public class Locations {

    /** Marks a transaction that added locations: what it reads of them may yet be rolled back. */
    private static final Object NETWORK_CHANGED = new Object();
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private final LocationRepository repository;
    /**
     * Locations by code, as read, for {@link #REMEMBERED_FOR}: the application only adds locations ({@link #registerAll},
     * the network loader), but an operator may change one in SQL (hours, handling time), and every node then sees it
     * within that time, as it sees a changed working calendar. A code not found is not remembered: another node, or a
     * later transaction, may add it.
     */
    private final Map<String, LocationInfo> found = new ConcurrentHashMap<>();
    private volatile long rememberedSince = System.nanoTime();

    Locations(LocationRepository repository) {
        this.repository = repository;
    }

    public List<LocationInfo> all() {
        return repository.findAllByOrderByCode().stream().map(LocationEntity::toInfo).toList();
    }

    public List<LocationInfo> ofType(LocationType type) {
        return repository.findByTypeOrderByCode(type).stream().map(LocationEntity::toInfo).toList();
    }

    /** Depots that hold spare stock (office and overseas depots). */
    public List<LocationInfo> depots() {
        return repository.findByTypeInOrderByCode(List.of(LocationType.OFFICE_DEPOT, LocationType.OVERSEAS_DEPOT))
                .stream().map(LocationEntity::toInfo).toList();
    }

    public Optional<LocationInfo> find(String code) {
        return LocationCode.tryParse(code).flatMap(canonical -> findCanonical(canonical.value()));
    }

    private Optional<LocationInfo> findCanonical(String canonicalCode) {
        long now = System.nanoTime();
        if (now - rememberedSince > REMEMBERED_FOR.toNanos()) {
            found.clear();
            rememberedSince = now;
        }
        LocationInfo known = found.get(canonicalCode);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<LocationInfo> read = repository.findById(canonicalCode).map(LocationEntity::toInfo);
        if (!TransactionSynchronizationManager.hasResource(NETWORK_CHANGED)) {
            read.ifPresent(location -> found.put(canonicalCode, location));
        }
        return read;
    }

    public LocationInfo require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.location"), code));
    }

    /**
     * The location {@code row} describes, checked value by value, and that its code is not taken; refused with
     * {@link InvalidInputException} naming the first wrong value.
     */
    public LocationInfo checkNew(LocationRow row) {
        LocationInfo location = LocationRules.check(row);
        if (find(location.code()).isPresent()) {
            throw new InvalidInputException(Message.of("errors.location.exists", location.code()));
        }
        return location;
    }

    public long count() {
        return repository.count();
    }

    /**
     * Adds locations (imports, generated benchmark networks) all together; refused with {@link ConflictException},
     * adding none, when a code is taken already (saving would otherwise overwrite that location).
     */
    @Transactional
    public void registerAll(Collection<LocationInfo> network) {
        network.forEach(l -> {
            l.zone();
            l.hours();
        });
        List<String> taken = repository.findAllById(network.stream().map(LocationInfo::code).toList()).stream()
                .map(LocationEntity::toInfo).map(LocationInfo::code).toList();
        if (!taken.isEmpty()) {
            throw new ConflictException(Message.of("errors.location.taken", taken.toString()));
        }
        markNetworkChanged();
        repository.saveAll(network.stream().map(LocationEntity::new).toList());
    }

    /** Until this transaction ends, locations read in it are not remembered: they may be its own, not committed. */
    private static void markNetworkChanged() {
        if (TransactionSynchronizationManager.hasResource(NETWORK_CHANGED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(NETWORK_CHANGED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(NETWORK_CHANGED);
            }
        });
    }
}
