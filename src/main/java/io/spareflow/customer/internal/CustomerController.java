package io.spareflow.customer.internal;

import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Operators with their sites, contacts and service contract")
class CustomerController {

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
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
}
