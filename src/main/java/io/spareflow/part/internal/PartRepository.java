package io.spareflow.part.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartRepository extends JpaRepository<PartEntity, String> {

    List<PartEntity> findAllByOrderByPartNumber();
}
