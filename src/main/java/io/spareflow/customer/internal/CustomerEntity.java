package io.spareflow.customer.internal;

import io.spareflow.customer.CustomerInfo;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

@Entity
@Table(name = "customer")
public class CustomerEntity {

    @Id
    private String code;
    private String name;
    private String country;

    @OneToMany(mappedBy = "customerCode")
    @OrderBy("name")
    private Set<SiteEntity> sites = new LinkedHashSet<>();

    @OneToMany(mappedBy = "customerCode")
    @OrderBy("name")
    private Set<ContactEntity> contacts = new LinkedHashSet<>();

    @OneToMany(mappedBy = "customerCode")
    private Set<ContractEntity> contracts = new LinkedHashSet<>();

    protected CustomerEntity() {
    }

    public CustomerEntity(String code, String name, String country) {
        this.code = code;
        this.name = name;
        this.country = country;
    }

    public void update(String name, String country) {
        this.name = name;
        this.country = country;
    }

    /** The customer's own fields, for the audit. */
    public Map<String, String> fields() {
        return Map.of("code", code, "name", name, "country", country);
    }

    public String getCode() {
        return code;
    }

    public CustomerInfo toInfo(LocalDate today) {
        CustomerInfo.Contract contract = contracts.stream()
                .filter(c -> c.isValidOn(today))
                .max(Comparator.comparing(ContractEntity::validFrom))
                .map(ContractEntity::toInfo).orElse(null);
        return new CustomerInfo(code, name, country, contract == null ? null : contract.tier(), contract,
                new ArrayList<>(sites.stream().map(SiteEntity::toInfo).toList()),
                new ArrayList<>(contacts.stream().map(ContactEntity::toInfo).toList()));
    }

    List<SiteEntity> sites() {
        return List.copyOf(sites);
    }
}
