package io.spareflow.web.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.customer.CustomerAdministration;
import io.spareflow.customer.CustomerRequests;
import io.spareflow.customer.Customers;
import io.spareflow.tier.ServiceTiers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customers on pages: the list with a form for a new one, and each customer's page with its sites, contacts and
 * contracts and forms to add them (and to change a contract's tier or period). Sites and contacts are changed
 * through the API (PUT).
 */
@Controller
class CustomerAdminPageController {

    private final Customers customers;
    private final CustomerAdministration administration;
    private final ServiceTiers tiers;
    private final Texts texts;

    CustomerAdminPageController(Customers customers, CustomerAdministration administration, ServiceTiers tiers, Texts texts) {
        this.customers = customers;
        this.administration = administration;
        this.tiers = tiers;
        this.texts = texts;
    }

    @GetMapping("/admin/customers")
    String list(Model model) {
        model.addAttribute("customers", customers.all());
        return "admin/customers";
    }

    @PostMapping("/admin/customers")
    String create(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        String code = form.getOrDefault("code", "").trim().toUpperCase(Locale.ROOT);
        FormOutcome.tell(flash, texts, () -> {
            administration.create(new CustomerRequests.Customer(code, form.get("name"), form.get("country")));
            return texts.get("people.customers.created", code);
        });
        return flash.getFlashAttributes().containsKey("error") ? "redirect:/admin/customers" : "redirect:/admin/customers/" + code;
    }

    @GetMapping("/admin/customers/{code}")
    String customer(@PathVariable String code, Model model) {
        model.addAttribute("customer", customers.require(code));
        model.addAttribute("contracts", administration.contracts(code));
        model.addAttribute("tiers", tiers.all());
        return "admin/customer";
    }

    @PostMapping("/admin/customers/{code}/sites")
    String addSite(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            var site = administration.addSite(code, site(form));
            return texts.get("people.customers.siteAdded", site.name());
        });
        return "redirect:/admin/customers/" + code;
    }

    @PostMapping("/admin/customers/{code}/contacts")
    String addContact(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            var contact = administration.addContact(code, contact(form));
            return texts.get("people.customers.contactAdded", contact.email());
        });
        return "redirect:/admin/customers/" + code;
    }

    @PostMapping("/admin/customers/{code}/sites/{id}")
    String updateSite(@PathVariable String code, @PathVariable long id, @RequestParam Map<String, String> form,
                      RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            var site = administration.updateSite(code, id, site(form));
            return texts.get("masterdata.siteSaved", site.name());
        });
        return "redirect:/admin/customers/" + code;
    }

    @PostMapping("/admin/customers/{code}/contacts/{id}")
    String updateContact(@PathVariable String code, @PathVariable long id, @RequestParam Map<String, String> form,
                         RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            var contact = administration.updateContact(code, id, contact(form));
            return texts.get("masterdata.contactSaved", contact.email());
        });
        return "redirect:/admin/customers/" + code;
    }

    @PostMapping("/admin/customers/{code}/contracts")
    String addContract(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            var contract = administration.addContract(code, contract(form, form.get("contractNumber")));
            return texts.get("people.customers.contractSaved", contract.contractNumber(), contract.tier());
        });
        return "redirect:/admin/customers/" + code;
    }

    @PostMapping("/admin/customers/{code}/contracts/{number}")
    String updateContract(@PathVariable String code, @PathVariable String number, @RequestParam Map<String, String> form,
                          RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            var contract = administration.updateContract(code, number, contract(form, null));
            return texts.get("people.customers.contractSaved", contract.contractNumber(), contract.tier());
        });
        return "redirect:/admin/customers/" + code;
    }

    private CustomerRequests.Site site(Map<String, String> form) {
        return new CustomerRequests.Site(form.get("name"), form.get("city"), form.get("country"), number(form, "latitude"),
                number(form, "longitude"), form.get("timeZone"), form.get("nameZh"), form.get("cityZh"));
    }

    private static CustomerRequests.Contact contact(Map<String, String> form) {
        return new CustomerRequests.Contact(form.get("name"), form.get("email"), form.get("locale"));
    }

    private CustomerRequests.Contract contract(Map<String, String> form, String number) {
        return new CustomerRequests.Contract(number, form.get("tier"), day(form, "validFrom"), day(form, "validTo"));
    }

    private Double number(Map<String, String> form, String field) {
        try {
            return Double.valueOf(form.getOrDefault(field, "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Message.of("people.customers.notANumber", field, form.get(field)));
        }
    }

    private LocalDate day(Map<String, String> form, String field) {
        try {
            return LocalDate.parse(form.getOrDefault(field, "").trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Message.of("people.customers.notADay", field, form.get(field)));
        }
    }
}
