package io.spareflow.customer;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
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
import io.spareflow.tier.ServiceTiers;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Creating and changing customers, their sites, contacts and contracts; every change is audited. A changed contract
 * or tier applies to cases reported after the change: an open case keeps the due times it was given.
 */
@Service
@Transactional
@Validated
public class CustomerAdministration {

    private final CustomerRepository customers;
    private final SiteRepository sites;
    private final ContactRepository contacts;
    private final ContractRepository contracts;
    private final ServiceTiers tiers;
    private final Audit audit;

    CustomerAdministration(CustomerRepository customers, SiteRepository sites, ContactRepository contacts,
                           ContractRepository contracts, ServiceTiers tiers, Audit audit) {
        this.customers = customers;
        this.sites = sites;
        this.contacts = contacts;
        this.contracts = contracts;
        this.tiers = tiers;
        this.audit = audit;
    }

    public Map<String, String> create(@Valid CustomerRequests.Customer request) {
        if (request.code() == null) {
            throw InvalidInputException.field("code", Message.of("people.customer.codeRequired"));
        }
        String code = request.code().toUpperCase(Locale.ROOT);
        if (customers.existsById(code)) {
            throw new ConflictException(Message.of("people.customer.exists", code));
        }
        CustomerEntity created = customers.saveAndFlush(new CustomerEntity(code, request.name().trim(), request.country()));
        audit.record(AuditedEntity.CUSTOMER, code, null, created.fields());
        return created.fields();
    }

    public Map<String, String> update(String code, @Valid CustomerRequests.Customer request) {
        CustomerEntity customer = customer(code);
        if (request.code() != null && !request.code().equalsIgnoreCase(customer.getCode())) {
            throw new InvalidInputException(Message.of("people.customer.noRename", customer.getCode()));
        }
        Map<String, String> before = customer.fields();
        customer.update(request.name().trim(), request.country());
        audit.record(AuditedEntity.CUSTOMER, customer.getCode(), before, customers.saveAndFlush(customer).fields());
        return customer.fields();
    }

    public SiteInfo addSite(String code, @Valid CustomerRequests.Site site) {
        CustomerEntity customer = customer(code);
        SiteEntity entity = new SiteEntity(customer.getCode(), site.name().trim(), site.city().trim(),
                site.country(), site.latitude(), site.longitude(), zone(site.timeZone()));
        entity.nameInChinese(optional(site.nameZh()), optional(site.cityZh()));
        SiteInfo created = sites.saveAndFlush(entity).toInfo();
        audit.record(AuditedEntity.SITE, created.id(), null, created);
        return created;
    }

    public SiteInfo updateSite(String code, long id, @Valid CustomerRequests.Site site) {
        SiteEntity entity = sites.findById(id).filter(s -> s.customerCode().equals(customer(code).getCode()))
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.siteOf", code), id));
        SiteInfo before = entity.toInfo();
        entity.update(site.name().trim(), site.city().trim(), site.country(), site.latitude(), site.longitude(), zone(site.timeZone()));
        entity.nameInChinese(optional(site.nameZh()), optional(site.cityZh()));
        SiteInfo after = sites.saveAndFlush(entity).toInfo();
        audit.record(AuditedEntity.SITE, id, before, after);
        return after;
    }

    public ContactInfo addContact(String code, @Valid CustomerRequests.Contact contact) {
        CustomerEntity customer = customer(code);
        ContactInfo created = contacts.saveAndFlush(new ContactEntity(customer.getCode(), contact.name().trim(),
                contact.email().trim(), locale(contact.locale()))).toInfo();
        audit.record(AuditedEntity.CONTACT, created.id(), null, created);
        return created;
    }

    public ContactInfo updateContact(String code, long id, @Valid CustomerRequests.Contact contact) {
        ContactEntity entity = contacts.findById(id).filter(c -> c.customerCode().equals(customer(code).getCode()))
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.contactOf", code), id));
        ContactInfo before = entity.toInfo();
        entity.update(contact.name().trim(), contact.email().trim(), locale(contact.locale()));
        ContactInfo after = contacts.saveAndFlush(entity).toInfo();
        audit.record(AuditedEntity.CONTACT, id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<CustomerInfo.Contract> contracts(String code) {
        return contracts.findByCustomerCodeOrderByValidFrom(customer(code).getCode()).stream().map(ContractEntity::toInfo).toList();
    }

    public CustomerInfo.Contract addContract(String code, @Valid CustomerRequests.Contract contract) {
        CustomerEntity customer = customer(code);
        if (contract.contractNumber() == null) {
            throw InvalidInputException.field("contractNumber", Message.of("people.contract.numberRequired"));
        }
        String number = contract.contractNumber().toUpperCase(Locale.ROOT);
        if (contracts.existsById(number)) {
            throw new ConflictException(Message.of("people.contract.exists", number));
        }
        CustomerInfo.Contract created = contracts.saveAndFlush(new ContractEntity(number, customer.getCode(),
                tier(contract.tier()), contract.validFrom(), contract.validTo())).toInfo();
        audit.record(AuditedEntity.CONTRACT, number, null, created);
        return created;
    }

    public CustomerInfo.Contract updateContract(String code, String number, @Valid CustomerRequests.Contract contract) {
        ContractEntity entity = contracts.findById(number.toUpperCase(Locale.ROOT))
                .filter(c -> c.customerCode().equals(customer(code).getCode()))
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.contractOf", code), number));
        CustomerInfo.Contract before = entity.toInfo();
        entity.update(tier(contract.tier()), contract.validFrom(), contract.validTo());
        CustomerInfo.Contract after = contracts.saveAndFlush(entity).toInfo();
        audit.record(AuditedEntity.CONTRACT, after.contractNumber(), before, after);
        return after;
    }

    private CustomerEntity customer(String code) {
        return customers.findById(code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.customer"), code));
    }

    private String tier(String name) {
        return tiers.find(name).orElseThrow(() -> InvalidInputException.field("tier", Message.of("people.contract.noSuchTier", name))).name();
    }

    /** A region time zone (Asia/Shanghai); a fixed offset would ignore daylight saving. */
    private String zone(String timeZone) {
        try {
            ZoneId zone = ZoneId.of(timeZone.trim());
            if (!(zone instanceof ZoneOffset)) {
                return zone.getId();
            }
        } catch (DateTimeException notAZone) {
            // refused below
        }
        throw InvalidInputException.field("timeZone", Message.of("people.site.timeZone", timeZone));
    }

    private static String locale(String locale) {
        return locale == null ? "en" : locale;
    }

    /** An optional name as given, trimmed; null for none. */
    private static String optional(String name) {
        return name == null || name.isBlank() ? null : name.trim();
    }
}
