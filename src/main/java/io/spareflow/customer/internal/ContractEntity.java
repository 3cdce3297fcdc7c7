package io.spareflow.customer.internal;

import io.spareflow.customer.CustomerInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "service_contract")
public class ContractEntity {

    @Id
    @Column(name = "contract_number")
    private String contractNumber;
    @Column(name = "customer_code")
    private String customerCode;
    @Column(name = "tier_name")
    private String tierName;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected ContractEntity() {
    }

    public ContractEntity(String contractNumber, String customerCode, String tierName, LocalDate validFrom, LocalDate validTo) {
        this.contractNumber = contractNumber;
        this.customerCode = customerCode;
        this.tierName = tierName;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public void update(String tierName, LocalDate validFrom, LocalDate validTo) {
        this.tierName = tierName;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public String customerCode() {
        return customerCode;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    public CustomerInfo.Contract toInfo() {
        return new CustomerInfo.Contract(contractNumber, tierName, validFrom, validTo);
    }
}
