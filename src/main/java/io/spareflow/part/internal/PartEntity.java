package io.spareflow.part.internal;

import io.spareflow.part.PartInfo;
import io.spareflow.part.ProductLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

@Entity
@Table(name = "part")
public class PartEntity {

    @Id
    @Column(name = "part_number")
    private String partNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line")
    private ProductLine productLine;
    private String description;
    @Column(name = "description_zh")
    private String descriptionZh;
    private String revision;
    @Column(name = "superseded_by")
    private String supersededBy;
    private boolean repairable;
    @Column(name = "repair_turnaround_days")
    private int repairTurnaroundDays;
    /** Assigned by the database (a sequence) when the part is first stored, never changed. */
    @Generated
    @Column(name = "item_reference", insertable = false, updatable = false)
    private Long itemReference;

    protected PartEntity() {
    }

    PartEntity(String partNumber, ProductLine productLine, String description, String revision, String supersededBy,
               boolean repairable, int repairTurnaroundDays, String descriptionZh) {
        this.partNumber = partNumber;
        this.productLine = productLine;
        this.description = description;
        this.revision = revision;
        this.supersededBy = supersededBy;
        this.repairable = repairable;
        this.repairTurnaroundDays = repairTurnaroundDays;
        this.descriptionZh = descriptionZh;
    }

    String supersededBy() {
        return supersededBy;
    }

    public PartInfo toInfo(GtinAssignment gtins) {
        return new PartInfo(partNumber, productLine, description, revision, supersededBy, repairable,
                repairTurnaroundDays, gtins.gtin(itemReference), descriptionZh);
    }
}
