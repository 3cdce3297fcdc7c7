package io.spareflow.demo;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.common.Csv;
import io.spareflow.common.LocalizedName;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.part.ProductLine;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.Cases;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.training.NewCertification;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumSet;
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
import org.springframework.transaction.support.TransactionTemplate;

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
    private static final String DEMO_TRAINING_CENTER = "Spareflow training center, Shenzhen";

    private final Customers customers;
    private final Locations locations;
    private final Parts parts;
    private final Boards boards;
    private final Users users;
    private final Certifications certifications;
    private final ObjectProvider<GreenMail> mailServer;
    private final Cases cases;
    private final TransactionTemplate transactions;
    private final int boardCount;
    private final int caseCount;
    private final DemoHistory history;
    private final ServiceTiers tiers;
    private final Clock clock;
    private final int historyMonths;

    DemoDataLoader(Customers customers, Locations locations, Parts parts, Boards boards, Users users,
                   Certifications certifications, ObjectProvider<GreenMail> mailServer, Cases cases, TransactionTemplate transactions,
                   DemoHistory history, ServiceTiers tiers, Clock clock, @Value("${spareflow.demo.boards:6000}") int boardCount,
                   @Value("${spareflow.demo.cases:6}") int caseCount, @Value("${spareflow.demo.history-months:12}") int historyMonths) {
        this.customers = customers;
        this.locations = locations;
        this.parts = parts;
        this.boards = boards;
        this.users = users;
        this.certifications = certifications;
        this.mailServer = mailServer;
        this.cases = cases;
        this.transactions = transactions;
        this.boardCount = boardCount;
        this.caseCount = caseCount;
        this.history = history;
        this.tiers = tiers;
        this.clock = clock;
        this.historyMonths = historyMonths;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> mailboxes = new ArrayList<>();
        if (customers.count() == 0) {
            SerialSequence serials = new SerialSequence(new Random(20021124L));
            // Master data first, committed, so the cases below see the customers' contracts in force.
            List<SiteInfo> sites = transactions.execute(tx -> {
                List<SiteInfo> loaded = loadCustomers(mailboxes);
                loadUsers();
                loadBoards(loaded, serials);
                return loaded;
            });
            if (historyMonths > 0) {
                transactions.executeWithoutResult(tx -> writeHistory(sites));
            }
            transactions.executeWithoutResult(tx -> reportCases(sites, serials));
            log.info("Demo data loaded: {} customers, {} users, {} boards, {} open cases", customers.count(), users.count(),
                    boards.count(), Math.min(caseCount, FAULTS.size()));
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

    /** Fault reports as they reach the hotline on a normal day, so the hotline and monitoring center show live work. */
    private static final List<DemoFault> FAULTS = List.of(
            new DemoFault("CMCC-SC", "Barkam", CaseChannel.HOTLINE, "130103811",
                    "BTS at Barkam off air since 06:10: channel board CHM2 alarm CHM_FAIL, a reset did not clear it"),
            new DemoFault("CMCC-SC", "Chengdu", CaseChannel.API, "310200731",
                    "NMS alarm: STM-16 line board OL16 LOS on port 2, traffic switched to protection"),
            new DemoFault("SAF-KE", "Mombasa", CaseChannel.HOTLINE, "510600845",
                    "Core router 10GE line card down after a power surge, port 3 dark, CRC errors on port 5"),
            new DemoFault("CNT-EC", "Quito", CaseChannel.EMAIL, "410400162",
                    "GPON OLT board GTGH at Inaquito reboots every 20 minutes, 300 subscribers affected"),
            new DemoFault("TE-EG", "Cairo", CaseChannel.WEB, "610700045",
                    "BTS power supply unit: fan failure alarm, unit hot to the touch, redundancy lost"),
            new DemoFault("ETC-ET", "Addis Ababa", CaseChannel.HOTLINE, "220301406",
                    "GSM transceiver DTRU: VSWR alarm on sector 2 since last night's storm"));

    private record DemoFault(String customer, String city, CaseChannel channel, String partNumber, String symptom) {
    }

    /** The closed cases of the past months, ending yesterday, so the KPI pages and the monitoring center have a past. */
    private void writeHistory(List<SiteInfo> sites) {
        long started = System.nanoTime();
        Map<String, ServiceTier> tierOfCustomer = new HashMap<>();
        customers.all().forEach(c -> tierOfCustomer.put(c.code(), tiers.require(c.tier())));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DemoHistory.Scope scope = new DemoHistory.Scope(sites, tierOfCustomer, locations.depots(),
                locations.ofType(LocationType.REPAIR_CENTER),
                center -> List.copyOf(repairLines(center.code())), parts.all(), "WH", 1200);
        DemoHistory.Written written = history.write(scope, today.minusMonths(historyMonths), today, clock.instant(), 9, 20021124L);
        log.info("Demo history written: {} closed cases over {} months, {} boards, {} rows in {} ms", written.cases(), historyMonths,
                written.boards(), written.rows(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Each demo fault on its own board, installed at the site, reported as the channel would. */
    private void reportCases(List<SiteInfo> sites, SerialSequence serials) {
        for (DemoFault fault : FAULTS.subList(0, Math.min(caseCount, FAULTS.size()))) {
            SiteInfo site = sites.stream().filter(s -> s.customerCode().equals(fault.customer()) && s.city().equals(fault.city()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no demo site in " + fault.city()));
            PartInfo part = parts.require(fault.partNumber());
            String serial = boards.register(new NewBoard(serials.next(), part.partNumber(), part.revision(),
                    BoardStatus.INSTALLED, null, site.id())).serial();
            cases.report(new CaseReport(fault.customer(), site.id(), serial, fault.symptom(), fault.channel()));
        }
    }

    private List<SiteInfo> loadCustomers(List<String> mailboxes) {
        List<SiteInfo> sites = new ArrayList<>();
        Set<String> created = new HashSet<>();
        LocalDate today = LocalDate.now();
        try (InputStream in = new ClassPathResource("data/demo-customers.csv").getInputStream()) {
            for (Csv.Row row : Csv.read(in)) {
                String code = row.get("customer");
                if (created.add(code)) {
                    customers.create(code, row.get("customer_name"), row.get("country"));
                    // In force since before the demo history starts.
                    customers.addContract(row.get("contract"), code, row.get("tier"), today.minusMonths(14), today.plusYears(2));
                }
                sites.add(customers.addSite(code, new LocalizedName(row.get("site"), row.optional("site_zh")),
                        new LocalizedName(row.get("city"), row.optional("city_zh")), row.get("site_country"),
                        Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")), row.get("time_zone")));
                if (row.optional("email") != null) {
                    customers.addContact(code, row.get("contact"), row.get("email"), row.get("locale"));
                    mailboxes.add(row.get("email"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo customers could not be read", e);
        }
        return sites;
    }

    private void loadUsers() {
        List<NewUser> staff = new ArrayList<>();
        staff.add(new NewUser("admin", null, "Wang Fang (administrator)", "admin@spareflow.local", Role.ADMIN, "HQ", null));
        staff.add(new NewUser("supervisor", null, "Chen Jing", "chen.jing@spareflow.local", Role.SUPERVISOR, "HQ", null));
        staff.add(new NewUser("quality", null, "Zhou Min (quality manager)", "zhou.min@spareflow.local", Role.QUALITY, "HQ", null));
        staff.add(new NewUser("agent", null, "Li Wei", "li.wei@spareflow.local", Role.AGENT, "SZX", "supervisor"));
        for (LocationInfo depot : locations.depots()) {
            String username = "depot-" + depot.code();
            staff.add(new NewUser(username, null, "Depot staff " + depot.city(), username.toLowerCase(java.util.Locale.ROOT) + "@spareflow.local",
                    Role.DEPOT, depot.code(), "supervisor"));
        }
        for (LocationInfo center : locations.ofType(LocationType.REPAIR_CENTER)) {
            String username = "tech-" + center.code();
            staff.add(new NewUser(username, null, "Technician " + center.city(), username.toLowerCase(java.util.Locale.ROOT) + "@spareflow.local",
                    Role.TECHNICIAN, center.code(), "supervisor"));
        }
        users.createAllWithPassword(staff, DEMO_PASSWORD);
        certify();
    }

    /**
     * The technicians' L2 certifications, by their repair center's lines; the agent supports every line remotely (L1).
     * Dubai's POWER certification runs out in 20 days: the expiring list shows it.
     */
    private void certify() {
        LocalDate today = certifications.today();
        for (LocationInfo center : locations.ofType(LocationType.REPAIR_CENTER)) {
            repairLines(center.code()).forEach(line -> certifications.issue("tech-" + center.code(), new NewCertification(
                    line, CertificationLevel.L2, DEMO_TRAINING_CENTER, today.minusYears(1),
                    center.code().equals("RC-DXB") && line == ProductLine.POWER ? today.plusDays(20) : today.plusYears(2))));
        }
        EnumSet.allOf(ProductLine.class).forEach(line -> certifications.issue("agent", new NewCertification(
                line, CertificationLevel.L1, DEMO_TRAINING_CENTER, today.minusYears(1), today.plusYears(2))));
    }

    /** Shenzhen repairs everything; the other centers specialise, so certification matters in the demo. */
    private static Set<ProductLine> repairLines(String repairCenter) {
        return switch (repairCenter) {
            case "RC-NKG" -> EnumSet.of(ProductLine.OPTICAL, ProductLine.ACCESS, ProductLine.DATA);
            case "RC-DXB" -> EnumSet.of(ProductLine.CDMA, ProductLine.MOBILE, ProductLine.POWER);
            default -> EnumSet.allOf(ProductLine.class);
        };
    }

    private void loadBoards(List<SiteInfo> sites, SerialSequence serials) {
        Random random = new Random(20021124L);
        List<PartInfo> catalogue = parts.all();
        List<LocationInfo> depots = locations.depots();
        List<LocationInfo> repairCenters = locations.ofType(LocationType.REPAIR_CENTER);
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
