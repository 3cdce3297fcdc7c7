package io.spareflow.training.internal;

import io.spareflow.part.ProductLine;
import io.spareflow.training.CertificationLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CertificationRepository extends JpaRepository<CertificationEntity, Long> {

    List<CertificationEntity> findByUsernameOrderByProductLineAscLevelAscValidUntilDesc(String username);

    Optional<CertificationEntity> findByIdAndUsername(long id, String username);

    /** The holders of a certification of this line and level valid on {@code day}. */
    @Query("""
            select distinct c.username from CertificationEntity c
            where c.productLine = :line and c.level = :level and c.validFrom <= :day and c.validUntil >= :day""")
    List<String> holdersOn(ProductLine line, CertificationLevel level, LocalDate day);

    /** Certifications valid on {@code day} whose last day is at most {@code lastDay}: soonest first. */
    @Query("""
            select c from CertificationEntity c
            where c.validFrom <= :day and c.validUntil >= :day and c.validUntil <= :lastDay
            order by c.validUntil, c.username, c.productLine""")
    List<CertificationEntity> expiringBetween(LocalDate day, LocalDate lastDay);
}
