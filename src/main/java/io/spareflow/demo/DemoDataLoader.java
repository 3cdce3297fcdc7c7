package io.spareflow.demo;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.common.Csv;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the default profile, loaded once into an empty database: operators with real sites, contracts and
 * contacts; a user for every role (password {@code demo}); some thousands of boards spread over the depots, at repair
 * centers and installed at customer sites. Deterministic (fixed seed), so every fresh start shows the same network.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "spareflow.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String DEMO_PASSWORD = "demo";

    private final Customers customers;
    private final Locations locations;
    private final Parts parts;
    private final Boards boards;
    private final Users users;
    private final ObjectProvider<GreenMail> mailServer;
    private final int boardCount;

    DemoDataLoader(Customers customers, Locations locations, Parts parts, Boards boards, Users users,
                   ObjectProvider<GreenMail> mailServer, @Value("${spareflow.demo.boards:6000}") int boardCount) {
        this.customers = customers;
        this.locations = locations;
        this.parts = parts;
        this.boards = boards;
        this.users = users;
        this.mailServer = mailServer;
        this.boardCount = boardCount;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<String> mailboxes = new ArrayList<>();
        if (customers.count() == 0) {
            List<SiteInfo> sites = loadCustomers(mailboxes);
            loadUsers();
            loadBoards(sites);
            log.info("Demo data loaded: {} customers, {} users, {} boards", customers.count(), users.count(), boards.count());
        } else {
            customers.all().forEach(c -> c.contacts().forEach(contact -> mailboxes.add(contact.email())));
        }
        GreenMail server = mailServer.getIfAvailable();
        if (server != null) {
            users.all().forEach(u -> mailboxes.add(u.email()));
            mailboxes.stream().distinct().forEach(address -> server.setUser(address, address, DEMO_PASSWORD));
            log.info("Embedded mail server holds {} demo mailboxes (login = address, password '{}')", mailboxes.size(),
                    DEMO_PASSWORD);
        }
    }

    private List<SiteInfo> loadCustomers(List<String> mailboxes) throws IOException {
        List<SiteInfo> sites = new ArrayList<>();
        Set<String> created = new HashSet<>();
        LocalDate today = LocalDate.now();
        try (InputStream in = new ClassPathResource("data/demo-customers.csv").getInputStream()) {
            for (Csv.Row row : Csv.read(in)) {
                String code = row.get("customer");
                if (created.add(code)) {
                    customers.create(code, row.get("customer_name"), row.get("country"));
                    customers.addContract(row.get("contract"), code, row.get("tier"), today.minusMonths(8), today.plusYears(2));
                }
                sites.add(customers.addSite(code, row.get("site"), row.get("city"), row.get("site_country"),
                        Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")), row.get("time_zone")));
                if (row.optional("email") != null) {
                    customers.addContact(code, row.get("contact"), row.get("email"), "en");
                    mailboxes.add(row.get("email"));
                }
            }
        }
        return sites;
    }

    private void loadUsers() {
        List<NewUser> staff = new ArrayList<>();
        staff.add(new NewUser("admin", null, "Wang Fang (administrator)", "admin@spareflow.local", Role.ADMIN, "HQ", Set.of(), null));
        staff.add(new NewUser("supervisor", null, "Chen Jing", "chen.jing@spareflow.local", Role.SUPERVISOR, "HQ", Set.of(), null));
        staff.add(new NewUser("agent", null, "Li Wei", "li.wei@spareflow.local", Role.AGENT, "SZX", Set.of(), "supervisor"));
        for (LocationInfo depot : locations.depots()) {
            String username = "depot-" + depot.code();
            staff.add(new NewUser(username, null, "Depot staff " + depot.city(), username.toLowerCase() + "@spareflow.local",
                    Role.DEPOT, depot.code(), Set.of(), "supervisor"));
        }
        for (LocationInfo center : locations.ofType(LocationType.REPAIR_CENTER)) {
            String username = "tech-" + center.code();
            staff.add(new NewUser(username, null, "Technician " + center.city(), username.toLowerCase() + "@spareflow.local",
                    Role.TECHNICIAN, center.code(), certifications(center.code()), "supervisor"));
        }
        users.createAllWithPassword(staff, DEMO_PASSWORD);
    }

    /** Shenzhen repairs everything; the other centers specialise, so certification matters in the demo. */
    private static Set<String> certifications(String repairCenter) {
        return switch (repairCenter) {
            case "RC-NKG" -> Set.of("OPTICAL", "ACCESS", "DATA");
            case "RC-DXB" -> Set.of("CDMA", "MOBILE", "POWER");
            default -> Set.of("CDMA", "MOBILE", "OPTICAL", "ACCESS", "DATA", "POWER");
        };
    }

    private void loadBoards(List<SiteInfo> sites) {
        Random random = new Random(20021124L);
        List<PartInfo> catalogue = parts.all();
        List<LocationInfo> depots = locations.depots();
        List<LocationInfo> repairCenters = locations.ofType(LocationType.REPAIR_CENTER);
        SerialSequence serials = new SerialSequence(random);
        Map<String, NewBoard> all = new LinkedHashMap<>();
        int installed = Math.max(sites.size() * 12, boardCount / 20);
        int inRepair = boardCount / 50;
        for (int i = 0; i < boardCount; i++) {
            PartInfo part = catalogue.get(random.nextInt(catalogue.size()));
            String serial = serials.next();
            NewBoard board;
            if (i < installed) {
                SiteInfo site = sites.get(random.nextInt(sites.size()));
                board = new NewBoard(serial, part.partNumber(), part.revision(), BoardStatus.INSTALLED, null, site.id());
            } else if (i < installed + inRepair) {
                LocationInfo center = repairCenters.get(random.nextInt(repairCenters.size()));
                BoardStatus status = random.nextBoolean() ? BoardStatus.IN_REPAIR : BoardStatus.DEFECTIVE_RECEIVED;
                board = new NewBoard(serial, part.partNumber(), part.revision(), status, center.code(), null);
            } else {
                LocationInfo depot = depots.get(random.nextInt(depots.size()));
                int roll = random.nextInt(100);
                BoardStatus status = roll < 94 ? BoardStatus.AVAILABLE : roll < 99 ? BoardStatus.RECEIVED : BoardStatus.QUARANTINE;
                board = new NewBoard(serial, part.partNumber(), part.revision(), status, depot.code(), null);
            }
            all.put(serial, board);
        }
        boards.registerAll(all.values());
    }
}
