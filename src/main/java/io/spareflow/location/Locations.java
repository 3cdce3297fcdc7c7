package io.spareflow.location;

import io.spareflow.common.NotFoundException;
import io.spareflow.location.internal.LocationEntity;
import io.spareflow.location.internal.LocationRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The location network: HQ, office and overseas depots, repair centers. */
@Service
@Transactional(readOnly = true)
public class Locations {

    private final LocationRepository repository;

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
        if (code == null) {
            return Optional.empty();
        }
        return repository.findById(code.trim().toUpperCase(Locale.ROOT)).map(LocationEntity::toInfo);
    }

    public LocationInfo require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("Location", code));
    }

    public long count() {
        return repository.count();
    }

    /** Adds locations (generated benchmark networks); codes must be new. */
    @Transactional
    public void registerAll(java.util.Collection<LocationInfo> network) {
        network.forEach(l -> {
            l.zone();
            l.hours();
        });
        repository.saveAll(network.stream().map(LocationEntity::new).toList());
    }
}
