package io.spareflow.training.internal;

import io.spareflow.part.ProductLine;
import io.spareflow.training.CertificationLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
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

    /**
     * Certifications valid on {@code day}, ending at the latest on {@code lastDay}, whose holder was not warned yet and
     * that no renewal follows: no certification of the same holder, line and level that starts at the latest the day
     * after this one ends and lasts longer.
     */
    @Query(nativeQuery = true, value = """
            select c.id from certification c
            where c.valid_from <= :day and c.valid_until >= :day and c.valid_until <= :lastDay and c.expiry_mailed_at is null
              and not exists (select 1 from certification r
                              where r.username = c.username and r.product_line = c.product_line and r.level = c.level
                                and r.valid_from <= c.valid_until + 1 and r.valid_until > c.valid_until)
            order by c.valid_until, c.id""")
    List<Long> dueForExpiryWarning(LocalDate day, LocalDate lastDay);

    /**
     * A renewal (the same holder, line and level, from at the latest the day after an earlier one ends, until later)
     * clears the earlier ones' warnings: should the renewal be revoked, they are warned again.
     */
    @Modifying
    @Query("""
            update CertificationEntity c set c.expiryMailedAt = null
            where c.username = :username and c.productLine = :line and c.level = :level and c.expiryMailedAt is not null
              and c.validUntil >= :endedFrom and c.validUntil < :renewedUntil""")
    int clearWarningsRenewedBy(String username, ProductLine line, CertificationLevel level, LocalDate endedFrom,
                               LocalDate renewedUntil);
}
