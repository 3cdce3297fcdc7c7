package io.spareflow.part.internal;

import io.spareflow.part.PartInfo;
import io.spareflow.part.ProductLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    private String revision;
    @Column(name = "superseded_by")
    private String supersededBy;
    private boolean repairable;
    @Column(name = "repair_turnaround_days")
    private int repairTurnaroundDays;

    protected PartEntity() {
    }

    public PartEntity(PartInfo info) {
        this.partNumber = info.partNumber();
        this.productLine = info.productLine();
        this.description = info.description();
        this.revision = info.revision();
        this.supersededBy = info.supersededBy();
        this.repairable = info.repairable();
        this.repairTurnaroundDays = info.repairTurnaroundDays();
    }

    public PartInfo toInfo() {
        return new PartInfo(partNumber, productLine, description, revision, supersededBy, repairable, repairTurnaroundDays);
    }
}
