package io.spareflow.customer.internal;

import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.CustomerAdministration;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.CustomerRequests;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Operators with their sites, contacts and service contracts; changes (ADMIN) are audited")
class CustomerController {

    private final Customers customers;
    private final CustomerAdministration administration;

    CustomerController(Customers customers, CustomerAdministration administration) {
        this.customers = customers;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List customers with sites, contacts and tier")
    List<CustomerInfo> list() {
        return customers.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One customer with its sites, contacts and the tier of the contract in force")
    CustomerInfo get(@PathVariable String code) {
        return customers.require(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a customer (ADMIN)")
    CustomerInfo create(@Valid @RequestBody CustomerRequests.Customer customer) {
        return customers.require(administration.create(customer).get("code"));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a customer's name or country (ADMIN)")
    CustomerInfo update(@PathVariable String code, @Valid @RequestBody CustomerRequests.Customer customer) {
        return customers.require(administration.update(code, customer).get("code"));
    }

    @GetMapping("/{code}/sites")
    @Operation(summary = "A customer's sites")
    List<SiteInfo> sites(@PathVariable String code) {
        return customers.require(code).sites();
    }

    @PostMapping("/{code}/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a site with coordinates and IANA time zone (ADMIN)")
    SiteInfo addSite(@PathVariable String code, @Valid @RequestBody CustomerRequests.Site site) {
        return administration.addSite(code, site);
    }

    @PutMapping("/{code}/sites/{id}")
    @Operation(summary = "Change a site (ADMIN)")
    SiteInfo updateSite(@PathVariable String code, @PathVariable long id, @Valid @RequestBody CustomerRequests.Site site) {
        return administration.updateSite(code, id, site);
    }

    @GetMapping("/{code}/contacts")
    @Operation(summary = "A customer's contacts")
    List<ContactInfo> contacts(@PathVariable String code) {
        return customers.require(code).contacts();
    }

    @PostMapping("/{code}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact who receives case mail in their locale (ADMIN)")
    ContactInfo addContact(@PathVariable String code, @Valid @RequestBody CustomerRequests.Contact contact) {
        return administration.addContact(code, contact);
    }

    @PutMapping("/{code}/contacts/{id}")
    @Operation(summary = "Change a contact (ADMIN)")
    ContactInfo updateContact(@PathVariable String code, @PathVariable long id, @Valid @RequestBody CustomerRequests.Contact contact) {
        return administration.updateContact(code, id, contact);
    }

    @GetMapping("/{code}/contracts")
    @Operation(summary = "A customer's contracts, oldest first")
    List<CustomerInfo.Contract> contracts(@PathVariable String code) {
        return administration.contracts(code);
    }

    @PostMapping("/{code}/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contract (ADMIN)", description = "Applies to cases reported while it is in force; open cases keep their due times.")
    CustomerInfo.Contract addContract(@PathVariable String code, @Valid @RequestBody CustomerRequests.Contract contract) {
        return administration.addContract(code, contract);
    }

    @PutMapping("/{code}/contracts/{number}")
    @Operation(summary = "Change a contract's tier or period (ADMIN)", description = "Open cases keep their due times.")
    CustomerInfo.Contract updateContract(@PathVariable String code, @PathVariable String number,
                                         @Valid @RequestBody CustomerRequests.Contract contract) {
        return administration.updateContract(code, number, contract);
    }
}
