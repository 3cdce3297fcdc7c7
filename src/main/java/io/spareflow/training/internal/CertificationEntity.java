package io.spareflow.training.internal;

import io.spareflow.part.ProductLine;
import io.spareflow.training.Certification;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.NewCertification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "certification")
public class CertificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "product_line")
    @Enumerated(EnumType.STRING)
    private ProductLine productLine;
    @Enumerated(EnumType.STRING)
    private CertificationLevel level;
    @Column(name = "issued_by")
    private String issuedBy;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expiry_mailed_at")
    private Instant expiryMailedAt;

    protected CertificationEntity() {
    }

    public CertificationEntity(String username, NewCertification request, Instant createdAt) {
        this.username = username;
        this.productLine = request.productLine();
        this.level = request.level();
        this.issuedBy = request.issuedBy().trim();
        this.validFrom = request.validFrom();
        this.validUntil = request.validUntil();
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public void expiryMailed(Instant at) {
        this.expiryMailedAt = at;
    }

    public ProductLine productLine() {
        return productLine;
    }

    public CertificationLevel level() {
        return level;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Instant expiryMailedAt() {
        return expiryMailedAt;
    }

    /** Whether it holds on {@code day}: both its first and its last day included. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public Certification toView(LocalDate today) {
        return new Certification(id, username, productLine, level, issuedBy, validFrom, validUntil, validOn(today));
    }
}
