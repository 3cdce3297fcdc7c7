package io.spareflow.customer;

import java.time.LocalDate;
import java.util.List;

/** An operator with its sites, contacts and the service contract in force (which names the service tier). */
public record CustomerInfo(String code, String name, String country, String tier, Contract contract,
                           List<SiteInfo> sites, List<ContactInfo> contacts) {

    public record Contract(String contractNumber, String tier, LocalDate validFrom, LocalDate validTo) {
    }
}
