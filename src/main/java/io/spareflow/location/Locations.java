package io.spareflow.location;

import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.location.internal.LocationEntity;
import io.spareflow.location.internal.LocationRepository;
import io.spareflow.location.internal.LocationRules;
import java.util.Collection;
import java.util.List;
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
        return LocationCode.tryParse(code).flatMap(canonical -> repository.findById(canonical.value())).map(LocationEntity::toInfo);
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
        repository.saveAll(network.stream().map(LocationEntity::new).toList());
    }
}
