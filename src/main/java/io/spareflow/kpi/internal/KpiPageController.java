package io.spareflow.kpi.internal;

import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.part.ProductLine;
import io.spareflow.rma.SlaStep;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The quality manager's KPI page: period and filter pickers, charts (Apache ECharts, served from /vendor/echarts/)
 * each with its table, and a CSV download. Its data comes from the same queries as /api/kpis, with the page session.
 */
@Controller
class KpiPageController {

    private final KpiRequests requests;
    private final KpiQueries kpis;
    private final FieldReturnQueries fieldReturns;
    private final ServiceTiers tiers;
    private final Customers customers;

    KpiPageController(KpiRequests requests, KpiQueries kpis, FieldReturnQueries fieldReturns, ServiceTiers tiers,
                      Customers customers) {
        this.requests = requests;
        this.kpis = kpis;
        this.fieldReturns = fieldReturns;
        this.tiers = tiers;
        this.customers = customers;
    }

    @GetMapping("/kpis")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String productLine,
                @RequestParam(required = false) String customer, @RequestParam(required = false) String region,
                @RequestParam(required = false) String month, Model model) {
        model.addAttribute("filter", requests.filter(from, to, tier, productLine, customer, region));
        model.addAttribute("month", requests.month(month));
        model.addAttribute("tiers", tiers.all().stream().map(ServiceTier::name).toList());
        model.addAttribute("productLines", List.of(ProductLine.values()));
        model.addAttribute("slaSteps", SlaStep.values());
        model.addAttribute("customers", customers.all().stream().map(CustomerInfo::code).sorted().toList());
        return "kpis";
    }

    @GetMapping(value = "/kpis/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    KpiReport data(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String tier, @RequestParam(required = false) String productLine,
                   @RequestParam(required = false) String customer, @RequestParam(required = false) String region) {
        return kpis.report(requests.filter(from, to, tier, productLine, customer, region));
    }

    @GetMapping(value = "/kpis/field-returns", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<FieldReturnRates.Result> fieldReturns(@RequestParam(required = false) String month) {
        return fieldReturns.rates(requests.month(month), null);
    }

    @GetMapping("/kpis/kpis.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String tier, @RequestParam(required = false) String productLine,
                               @RequestParam(required = false) String customer, @RequestParam(required = false) String region) {
        KpiFilter filter = requests.filter(from, to, tier, productLine, customer, region);
        return KpiCsv.download("kpis-" + filter.from() + "-" + filter.to() + ".csv", KpiCsv.of(kpis.report(filter)));
    }
}
