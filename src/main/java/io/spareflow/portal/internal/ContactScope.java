package io.spareflow.portal.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.Boards;
import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the signed-in contact may see: their customer, its sites with the boards installed there, its cases. Every
 * portal lookup goes through here, so nothing of another customer is ever found.
 */
@Component
class ContactScope {

    private final Customers customers;
    private final Cases cases;
    private final Boards boards;

    ContactScope(Customers customers, Cases cases, Boards boards) {
        this.customers = customers;
        this.cases = cases;
        this.boards = boards;
    }

    PortalContact contact() {
        return PortalSessions.current().orElseThrow(() -> new ForbiddenException(Message.of("errors.signIn.portal")));
    }

    CustomerInfo customer() {
        return customers.require(contact().customerCode());
    }

    /** The boards installed at each of the customer's sites, by site id. */
    Map<Long, List<BoardInfo>> installedBoards(CustomerInfo customer) {
        return customer.sites().stream().collect(Collectors.toMap(SiteInfo::id, s -> boards.installedAt(s.id())));
    }

    /** The customer's case of this number; empty for another customer's case as for one that does not exist. */
    Optional<CaseView> ownCase(String number) {
        String customer = contact().customerCode();
        return cases.find(number).filter(c -> c.customerCode().equals(customer));
    }
}
