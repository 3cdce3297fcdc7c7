package io.spareflow.location.internal;

import io.spareflow.location.LocationType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LocationRepository extends JpaRepository<LocationEntity, String> {

    List<LocationEntity> findAllByOrderByCode();

    List<LocationEntity> findByTypeOrderByCode(LocationType type);

    List<LocationEntity> findByTypeInOrderByCode(Collection<LocationType> types);
}
