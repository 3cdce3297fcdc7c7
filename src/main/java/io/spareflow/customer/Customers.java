package io.spareflow.customer;

import io.spareflow.common.LocalizedName;

import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.customer.internal.ContactEntity;
import io.spareflow.customer.internal.ContactRepository;
import io.spareflow.customer.internal.ContractEntity;
import io.spareflow.customer.internal.ContractRepository;
import io.spareflow.customer.internal.CustomerEntity;
import io.spareflow.customer.internal.CustomerRepository;
import io.spareflow.customer.internal.SiteEntity;
import io.spareflow.customer.internal.SiteRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers (operators), their sites and contacts, and the tier of the contract in force. */
@Service
@Transactional(readOnly = true)
public class Customers {

    private final CustomerRepository customers;
    private final SiteRepository sites;
    private final ContactRepository contacts;
    private final ContractRepository contracts;
    private final Clock clock;

    Customers(CustomerRepository customers, SiteRepository sites, ContactRepository contacts,
              ContractRepository contracts, Clock clock) {
        this.customers = customers;
        this.sites = sites;
        this.contacts = contacts;
        this.contracts = contracts;
        this.clock = clock;
    }

    public List<CustomerInfo> all() {
        LocalDate today = LocalDate.now(clock);
        return customers.findAllWithDetails().stream().map(c -> c.toInfo(today)).toList();
    }

    public Optional<CustomerInfo> find(String code) {
        return code == null ? Optional.empty()
                : customers.findById(code.trim().toUpperCase(Locale.ROOT)).map(c -> c.toInfo(LocalDate.now(clock)));
    }

    public CustomerInfo require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.customer"), code));
    }

    public Optional<SiteInfo> site(long siteId) {
        return sites.findById(siteId).map(SiteEntity::toInfo);
    }

    public SiteInfo requireSite(long siteId) {
        return site(siteId).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.site"), siteId));
    }

    public Optional<ContactInfo> contact(long contactId) {
        return contacts.findById(contactId).map(ContactEntity::toInfo);
    }

    /** The customer contacts with this e-mail address (case-insensitive); usually one. */
    public List<ContactInfo> contactsByEmail(String email) {
        return customers.findContactsByEmail(email == null ? "" : email.trim()).stream()
                .map(c -> c.toInfo()).toList();
    }

    /** The tier of the contract in force today, or empty when the customer has none. */
    public Optional<String> tierOf(String customerCode) {
        return Optional.ofNullable(require(customerCode).tier());
    }

    @Transactional
    public void create(String code, String name, String country) {
        customers.save(new CustomerEntity(code, name, country));
    }

    @Transactional
    public SiteInfo addSite(String customerCode, String name, String city, String country, double latitude,
                            double longitude, String timeZone) {
        return addSite(customerCode, new LocalizedName(name, null), new LocalizedName(city, null), country, latitude,
                longitude, timeZone);
    }

    /** A site with its name and city in English and, for a domestic operator's site, in Chinese. */
    @Transactional
    public SiteInfo addSite(String customerCode, LocalizedName name, LocalizedName city, String country, double latitude,
                            double longitude, String timeZone) {
        SiteEntity site = new SiteEntity(customerCode, name.english(), city.english(), country, latitude, longitude, timeZone);
        site.nameInChinese(name.chinese(), city.chinese());
        return sites.save(site).toInfo();
    }

    @Transactional
    public ContactInfo addContact(String customerCode, String name, String email, String locale) {
        return contacts.save(new ContactEntity(customerCode, name, email, locale)).toInfo();
    }

    @Transactional
    public void addContract(String contractNumber, String customerCode, String tier, LocalDate validFrom, LocalDate validTo) {
        contracts.save(new ContractEntity(contractNumber, customerCode, tier, validFrom, validTo));
    }

    public long count() {
        return customers.count();
    }
}
