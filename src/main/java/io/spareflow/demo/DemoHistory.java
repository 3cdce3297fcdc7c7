package io.spareflow.demo;

import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.BusinessHours;
import io.spareflow.common.CaseNumber;
import io.spareflow.common.Message;
import io.spareflow.common.StoredMessage;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.part.PartInfo;
import io.spareflow.part.ProductLine;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.TierCalendar;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A past of closed cases for the demo, so the KPI pages and the monitoring center have months to show: every case
 * with its SLA clocks (met or breached, due times counted in the tier's calendar like live cases), breaches,
 * timeline, spare reservation and sourcing decision, custody of the faulty board and the spare, repair order
 * (repaired, no fault found, scrapped) and, for many, a survey answer; and an installed base with installation dates
 * for the TL 9000 return rates.
 * <p>
 * Written straight into the tables with JDBC batches instead of through the services: a year of history is tens of
 * thousands of rows, and replaying it through the process engine would make the first start take minutes. The
 * shape is seeded (same history on every fresh start): arrivals are Poisson around a base rate with fewer on
 * weekends, a peak around the New Year (the traffic peak that breaks networks) and after the Spring Festival;
 * breaches are more likely in the peaks and become rarer over the year, and satisfaction rises with them.
 */
@Component
class DemoHistory {

    /** What the history is drawn from: the sites (with their customers' tiers), depots, repair centers and parts. */
    record Scope(List<SiteInfo> sites, Map<String, ServiceTier> tierOfCustomer, List<LocationInfo> depots,
                 List<LocationInfo> repairCenters, Function<LocationInfo, List<ProductLine>> certifications,
                 List<PartInfo> parts, String serialPrefix, int installedBasePerSite) {
    }

    /** How much was written. */
    record Written(int cases, int boards, int rows) {
    }

    private static final List<String> CHANNELS = List.of("HOTLINE", "HOTLINE", "HOTLINE", "HOTLINE", "EMAIL", "EMAIL",
            "EMAIL", "WEB", "WEB", "API", "API", "FAX");
    private static final String[] SYMPTOMS = {
            "Board alarm did not clear after a reset", "Intermittent link loss, CRC errors climbing",
            "Board reboots every few minutes", "Fan failure alarm, unit running hot", "No power LED after a power cut",
            "Port dark after a lightning storm", "Transceiver VSWR alarm on one sector", "Board not recognised by the shelf"};
    private static final String[] COMMENTS = {
            "Spare arrived before the engineer did, thank you", "The hotline was hard to reach during the holidays",
            "Quick and clear, as always", "Courier needed two attempts to find the site", "备件到得很快，谢谢",
            "Waited too long for the spare", "Very professional engineer on the phone"};

    private static final int CHUNK = 20_000;

    private final JdbcTemplate jdbc;
    private final WorkingCalendars calendars;

    DemoHistory(JdbcTemplate jdbc, WorkingCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /**
     * Closed cases reported from {@code first} (included) to {@code last} (excluded), about {@code casesPerDay} on an
     * ordinary weekday; a case that would still be open at {@code closedBy} is left out (the history has no cases in
     * flight: those would need their processes).
     */
    Written write(Scope scope, LocalDate first, LocalDate last, Instant closedBy, double casesPerDay, long seed) {
        Random random = new Random(seed);
        Plan plan = new Plan(scope, random, allocator());
        plan.installedBase(first);
        for (LocalDate day = first; day.isBefore(last); day = day.plusDays(1)) {
            int arrivals = poisson(random, casesPerDay * season(day));
            for (int i = 0; i < arrivals; i++) {
                plan.addCase(day, progress(first, last, day), peak(day), closedBy);
            }
        }
        plan.numberCases();
        return plan.flush(jdbc);
    }

    /** Ids from the tables' own sequences, so rows written later by the application never collide with these. */
    private Function<String, Deque<Long>> allocator() {
        return sequenceAndCount -> {
            String[] parts = sequenceAndCount.split(":");
            return new ArrayDeque<>(jdbc.queryForList("select nextval(?) from generate_series(1, ?)", Long.class,
                    parts[0], Integer.parseInt(parts[1])));
        };
    }

    /** Weekends are quieter; the New Year and the week after the Spring Festival are the peaks. */
    static double season(LocalDate day) {
        double factor = switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> 0.6;
            default -> 1.0;
        };
        return factor * (peak(day) ? 2.2 : 1.0) * (day.getMonthValue() == 7 || day.getMonthValue() == 8 ? 1.15 : 1.0);
    }

    /** 24 Dec to 7 Jan (New Year traffic), and 17–24 Feb 2026 (after the Spring Festival). */
    static boolean peak(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(MonthDay.of(12, 24)) || !md.isAfter(MonthDay.of(1, 7))
                || (day.getYear() == 2026 && !md.isBefore(MonthDay.of(2, 17)) && !md.isAfter(MonthDay.of(2, 24)));
    }

    private static double progress(LocalDate first, LocalDate last, LocalDate day) {
        return (double) (day.toEpochDay() - first.toEpochDay()) / Math.max(1, last.toEpochDay() - first.toEpochDay());
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** One board of the history: where it is and how often it came back with no fault found. */
    private static final class Board {
        final String serial;
        final PartInfo part;
        String status;
        String location;
        Long site;
        Instant updated = Instant.EPOCH;
        /** Until when it is on a case of the history (a case resolved remotely leaves it where it was). */
        Instant busyUntil = Instant.EPOCH;
        int noFaultFound;

        Board(String serial, PartInfo part) {
            this.serial = serial;
            this.part = part;
        }
    }

    /** One hand-off of a board, on a case of the history or before it ({@code c} null). */
    private record Move(Board board, String from, String to, String location, Long site, Instant at, CaseRows c) {
    }

    /** The rows of the history, built in memory and written in batches. */
    private final class Plan {
        private final Scope scope;
        private final Random random;
        private final Function<String, Deque<Long>> ids;
        private final List<Board> boards = new ArrayList<>();
        private final Map<Long, List<Board>> installedAt = new HashMap<>();
        private final Map<String, Deque<Board>> stock = new HashMap<>();
        private final Map<String, LocationInfo> nearestDepot = new HashMap<>();
        private final List<Move> custody = new ArrayList<>();
        /** How to take back what the case being planned changed, should it end after the history does. */
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final List<CaseRows> cases = new ArrayList<>();
        private int serial;

        Plan(Scope scope, Random random, Function<String, Deque<Long>> ids) {
            this.scope = scope;
            this.random = random;
            this.ids = ids;
        }

        /** The boards at the sites when the history starts, installed over the three years before. */
        void installedBase(LocalDate first) {
            Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (SiteInfo site : scope.sites()) {
                for (int i = 0; i < scope.installedBasePerSite(); i++) {
                    Board board = newBoard(scope.parts().get(random.nextInt(scope.parts().size())));
                    install(board, site, start.minus(Duration.ofHours(1 + random.nextInt(3 * 365 * 24))), null);
                }
            }
        }

        /** A board installed at the site before the report, or one installed years ago if none is. */
        private Board installedBoard(SiteInfo site, Instant reported) {
            List<Board> atSite = installedAt.computeIfAbsent(site.id(), s -> new ArrayList<>());
            for (int attempt = 0; attempt < 5 && !atSite.isEmpty(); attempt++) {
                int index = random.nextInt(atSite.size());
                Board board = atSite.get(index);
                if (board.updated.isBefore(reported) && board.busyUntil.isBefore(reported)) {
                    atSite.remove(index);
                    undo.push(() -> atSite.add(board));
                    return board;
                }
            }
            Board board = newBoard(scope.parts().get(random.nextInt(scope.parts().size())));
            move(board, "INSTALLED", null, site.id(), reported.minus(Duration.ofDays(200 + random.nextInt(800))), null);
            return board;
        }

        private Board newBoard(PartInfo part) {
            undo.push(() -> boards.remove(boards.size() - 1));
            serial++;
            Board board = new Board(String.format(Locale.ROOT, "%s%02d%02d%06d", scope.serialPrefix(),
                    18 + serial % 8, 1 + serial % 52, serial), part);
            boards.add(board);
            return board;
        }

        private void install(Board board, SiteInfo site, Instant at, CaseRows c) {
            move(board, "INSTALLED", null, site.id(), at, c);
            List<Board> atSite = installedAt.computeIfAbsent(site.id(), s -> new ArrayList<>());
            atSite.add(board);
            undo.push(() -> atSite.remove(board));
        }

        private void move(Board board, String to, String location, Long site, Instant at, CaseRows c) {
            Move move = new Move(board, board.status, to, location, site, at, c);
            custody.add(move);
            String status = board.status;
            String oldLocation = board.location;
            Long oldSite = board.site;
            Instant updated = board.updated;
            undo.push(() -> {
                custody.remove(custody.size() - 1);
                board.status = status;
                board.location = oldLocation;
                board.site = oldSite;
                board.updated = updated;
            });
            board.status = to;
            board.location = location;
            board.site = site;
            board.updated = at;
        }

        /** Plans one case reported on {@code day}; leaves it out if it would not be closed by {@code closedBy}. */
        void addCase(LocalDate day, double progress, boolean peak, Instant closedBy) {
            undo.clear();
            SiteInfo site = scope.sites().get(random.nextInt(scope.sites().size()));
            ServiceTier tier = scope.tierOfCustomer().get(site.customerCode());
            LocationInfo responsible = nearestDepot.computeIfAbsent(site.customerCode() + site.id(), k -> scope.depots().stream()
                    .min(Comparator.comparingDouble(d -> d.point().distanceKmTo(site.point()))).orElseThrow());
            ZoneId zone = ZoneId.of(site.timeZone());
            // Faults are reported mostly in the site's waking hours.
            Instant reported = day.atStartOfDay(zone).plusHours(7).plusMinutes(random.nextInt(14 * 60)).toInstant();
            Board faulty = installedBoard(site, reported);
            // Breaches: 14 % early in the year, 5 % at its end, twice that in a peak.
            double breachRate = (0.14 - 0.09 * progress) * (peak ? 2 : 1);
            byte[] token = new byte[24];
            random.nextBytes(token);
            CaseRows c = new CaseRows(site, tier, responsible, faulty, reported, CHANNELS.get(random.nextInt(CHANNELS.size())),
                    random.nextInt(100) < 85 ? "agent" : "supervisor", Base64.getUrlEncoder().withoutPadding().encodeToString(token),
                    SYMPTOMS[random.nextInt(SYMPTOMS.length)]);
            c.timeline(TimelineKind.REPORTED, reported, c.reporter(), Message.of("case.timeline.reported",
                    Message.of("pages.channel." + c.channel), faulty.serial, faulty.part.partNumber(), site.name(), c.symptom));

            Instant accepted = clock(c, SlaStep.ACCEPT, reported, tier.acceptMinutes(), breachRate);
            c.timeline(TimelineKind.FIRST_OWNER, accepted.minusSeconds(30), c.owner, Message.of("case.timeline.first-owner", c.owner));
            Instant diagnosisDue = plus(c, accepted, tier.remoteDiagnosisMinutes());
            c.timeline(TimelineKind.ACCEPTED, accepted, c.owner, Message.of("case.timeline.accepted", diagnosisDue));
            Instant diagnosed = clock(c, SlaStep.REMOTE_DIAGNOSIS, accepted, tier.remoteDiagnosisMinutes(), breachRate);
            boolean resolvedRemotely = random.nextInt(100) < 15;
            c.diagnosis = resolvedRemotely ? DiagnosisOutcome.RESOLVED_REMOTELY : DiagnosisOutcome.SPARE_NEEDED;
            c.timeline(TimelineKind.DIAGNOSED, diagnosed, c.owner,
                    Message.of("case.timeline.diagnosed", Message.of("pages.diagnosis." + c.diagnosis.name())));
            Instant end = diagnosed;
            if (!resolvedRemotely) {
                end = tier.advanceExchange() ? advanceExchange(c, diagnosed, breachRate) : repairAndReturn(c, diagnosed, breachRate);
            } else {
                installedAt.get(site.id()).add(faulty);
                undo.push(() -> installedAt.get(site.id()).remove(faulty));
                c.resolution = "Resolved remotely: configuration restored";
            }
            if (random.nextInt(100) < 8) {
                c.timeline(TimelineKind.TRANSFERRED, end.minus(Duration.ofHours(2)), c.owner,
                        Message.of("case.timeline.handed-to-supervisor"));
                c.closer = "supervisor";
            }
            c.closed = end.plus(Duration.ofMinutes(30 + random.nextInt(600)));
            c.timeline(TimelineKind.CLOSED, c.closed, c.closer, Message.of("case.timeline.closed", c.closer, c.resolution));
            if (c.closed.isAfter(closedBy)) {
                undo.forEach(Runnable::run);
                return;
            }
            cases.add(c);
            faulty.busyUntil = c.closed;
            if (c.spare != null) {
                c.spare.busyUntil = c.closed;
            }
            survey(c, progress, peak);
        }

        /** A spare first, then the faulty board back to a repair center. */
        private Instant advanceExchange(CaseRows c, Instant diagnosed, double breachRate) {
            Instant spareDue = plus(c, c.reported, c.tier.spareOnSiteMinutes());
            boolean backorder = random.nextInt(100) < 4;
            Board spare = takeSpare(c, diagnosed);
            Instant reserved = diagnosed.plus(Duration.ofMinutes(5 + random.nextInt(20)));
            Instant served = backorder ? reserved.plus(Duration.ofHours(24 + random.nextInt(96))) : reserved;
            Instant shipped = served.plus(Duration.ofMinutes(30 + random.nextInt(150)));
            Instant delivered = meet(c.reported, spareDue, backorder ? 1.0 : breachRate);
            if (!delivered.isAfter(shipped.plus(Duration.ofMinutes(30)))) {
                delivered = shipped.plus(Duration.ofMinutes(30 + random.nextInt(90)));
            }
            c.clock(SlaStep.SPARE_ON_SITE, c.reported, spareDue, delivered);
            c.reservation(spare, reserved, served, backorder, random.nextInt(100) < 5);
            if (backorder) {
                c.timeline(TimelineKind.BACKORDER, reserved, "system", Message.of("escalation.backorder", c.faulty.part.partNumber()));
            }
            c.timeline(TimelineKind.SPARE_RESERVED, served, "system", Message.of("case.timeline.spare-reserved-at", spare.serial, spare.location));
            move(spare, "RESERVED", spare.location, null, served, c);
            move(spare, "PICKED", spare.location, null, served.plus(Duration.ofMinutes(15)), c);
            move(spare, "IN_TRANSIT", null, null, shipped, c);
            c.timeline(TimelineKind.SPARE_SHIPPED, shipped, "depot-" + c.spareDepot, Message.of("case.timeline.spare-shipped", spare.serial));
            install(spare, c.site, delivered, c);
            c.timeline(TimelineKind.SPARE_DELIVERED, delivered, "system", Message.of("case.timeline.spare-delivered", spare.serial));

            Instant returnDue = c.tier.calendar() == TierCalendar.ALWAYS ? delivered.plus(Duration.ofDays(c.tier.defectiveReturnDays()))
                    : calendars.timetable(c.responsible).endOfWorkingDays(delivered, c.tier.defectiveReturnDays());
            boolean charged = random.nextInt(1000) < 15;
            Instant returned = charged ? delivered.plus(Duration.ofDays(c.tier.overdueChargeDays() + 1 + random.nextInt(10)))
                    : meet(delivered, returnDue, breachRate * 0.8);
            c.clock(SlaStep.DEFECTIVE_RETURN, delivered, returnDue, returned);
            c.chargeFlag = charged;
            return repair(c, delivered, returned, breachRate, true);
        }

        /** BRONZE: the customer sends the faulty board in; it comes back repaired, or a replacement if scrapped. */
        private Instant repairAndReturn(CaseRows c, Instant diagnosed, double breachRate) {
            Instant returned = diagnosed.plus(Duration.ofHours(24 + random.nextInt(120)));
            Instant done = repair(c, diagnosed, returned, breachRate, false);
            Board back = c.faulty.status.equals("SCRAPPED") ? takeSpare(c, done) : c.faulty;
            Instant delivered = done.plus(Duration.ofHours(24 + random.nextInt(72)));
            move(back, "IN_TRANSIT", null, null, done.plus(Duration.ofHours(4)), c);
            install(back, c.site, delivered, c);
            if (back != c.faulty) {
                c.spare = back;
            }
            return delivered;
        }

        /** The faulty board on its way to a repair center, its repair order, and back to stock unless scrapped. */
        private Instant repair(CaseRows c, Instant shippedBack, Instant received, double breachRate, boolean backToStock) {
            Board faulty = c.faulty;
            LocationInfo center = repairCenterFor(faulty.part.productLine());
            move(faulty, "DEFECTIVE_IN_TRANSIT", null, null, shippedBack.plus(Duration.ofHours(2)), c);
            move(faulty, "DEFECTIVE_RECEIVED", center.code(), null, received, c);
            c.timeline(TimelineKind.DEFECTIVE_RECEIVED, received, "tech-" + center.code(),
                    Message.of("case.timeline.defective-received", faulty.serial, center.code()));
            Instant repairDue = received.plus(Duration.ofDays(faulty.part.repairTurnaroundDays()));
            Instant completed = meet(received, repairDue, breachRate);
            c.clock(SlaStep.REPAIR_TURNAROUND, received, repairDue, completed);
            int roll = random.nextInt(100);
            // A board that came back with no fault found before is likelier to do so again: a rogue unit.
            boolean nff = faulty.noFaultFound > 0 ? roll < 60 : roll < 16;
            boolean scrapped = !nff && (roll >= 94 || !faulty.part.repairable());
            String outcome = nff ? "NFF" : scrapped ? "SCRAPPED" : "REPAIRED";
            move(faulty, "IN_REPAIR", center.code(), null, received.plus(Duration.ofHours(1)), c);
            move(faulty, outcome, center.code(), null, completed, c);
            c.repair(center, received, repairDue, completed, outcome, faulty.noFaultFound > 0 && nff);
            c.timeline(TimelineKind.REPAIR_FINISHED, completed, "tech-" + center.code(),
                    Message.of("case.timeline.repair-finished", Message.of("case.repair-outcome." + outcome)));
            c.resolution = "Board exchanged; defective board " + outcome.toLowerCase(Locale.ROOT);
            if (nff) {
                faulty.noFaultFound++;
            }
            if (!scrapped && backToStock) {
                Instant restocked = completed.plus(Duration.ofHours(24 + random.nextInt(48)));
                move(faulty, "AVAILABLE", c.responsible.code(), null, restocked, c);
                c.returnDepot = c.responsible.code();
                c.returnedToStock = restocked;
                Deque<Board> available = stock.computeIfAbsent(faulty.part.partNumber(), p -> new ArrayDeque<>());
                available.addLast(faulty);
                undo.push(() -> available.remove(faulty));
            }
            return completed;
        }

        private LocationInfo repairCenterFor(ProductLine line) {
            List<LocationInfo> certified = scope.repairCenters().stream().filter(r -> scope.certifications().apply(r).contains(line)).toList();
            return certified.get(random.nextInt(certified.size()));
        }

        /** A board of the part from stock (a repaired one first), or one that was in a depot all along. */
        private Board takeSpare(CaseRows c, Instant at) {
            Deque<Board> available = stock.computeIfAbsent(c.faulty.part.partNumber(), p -> new ArrayDeque<>());
            Board spare = available.stream().filter(b -> b.updated.isBefore(at) && b.busyUntil.isBefore(at)).findFirst().orElse(null);
            if (spare != null) {
                Board taken = spare;
                available.remove(taken);
                undo.push(() -> available.addFirst(taken));
            } else {
                spare = newBoard(c.faulty.part);
                move(spare, "AVAILABLE", c.responsible.code(), null, at.minus(Duration.ofDays(30 + random.nextInt(300))), null);
            }
            c.spare = spare;
            c.spareDepot = spare.location;
            return spare;
        }

        private Instant clock(CaseRows c, SlaStep step, Instant start, int minutes, double breachRate) {
            Instant due = plus(c, start, minutes);
            Instant met = meet(start, due, breachRate);
            c.clock(step, start, due, met);
            return met;
        }

        private Instant plus(CaseRows c, Instant start, int minutes) {
            if (c.tier.calendar() == TierCalendar.ALWAYS) {
                return start.plus(Duration.ofMinutes(minutes));
            }
            BusinessHours.Timetable timetable = calendars.timetable(c.responsible);
            return timetable.plusWorkingMinutes(start, minutes);
        }

        /** In time (10–95 % of the span) or late (up to twice the span after the due time). */
        private Instant meet(Instant start, Instant due, double breachRate) {
            long span = Math.max(60, Duration.between(start, due).toSeconds());
            if (random.nextDouble() < breachRate) {
                return due.plusSeconds(60 + (long) (random.nextDouble() * 2 * span));
            }
            return start.plusSeconds((long) (span * (0.1 + 0.85 * random.nextDouble())));
        }

        /** Satisfaction rises from about 76 % to about 95 % over the year and drops in the peaks. */
        private void survey(CaseRows c, double progress, boolean peak) {
            if (random.nextInt(100) >= 45) {
                return;
            }
            double satisfied = (0.76 + 0.19 * progress) * (peak ? 0.9 : 1) * (c.breached ? 0.85 : 1);
            int score = random.nextDouble() < satisfied ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            String comment = random.nextInt(100) < 20 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
            c.survey = new Object[]{score, comment, Timestamp.from(c.closed.plus(Duration.ofHours(4 + random.nextInt(68))))};
        }

        /** Case numbers by year in order of report, taken from the yearly counters so later cases follow on. */
        void numberCases() {
            cases.sort(Comparator.comparing(c -> c.reported));
            Map<Integer, List<CaseRows>> byYear = new TreeMap<>();
            cases.forEach(c -> byYear.computeIfAbsent(c.reported.atZone(ZoneOffset.UTC).getYear(), y -> new ArrayList<>()).add(c));
            byYear.forEach((year, ofYear) -> {
                Long last = jdbc.queryForObject("INSERT INTO rma_case_counter (year, last_value) VALUES (?, ?) "
                        + "ON CONFLICT (year) DO UPDATE SET last_value = rma_case_counter.last_value + excluded.last_value "
                        + "RETURNING last_value", Long.class, year, ofYear.size());
                long next = last - ofYear.size();
                for (CaseRows c : ofYear) {
                    c.number = CaseNumber.issued(year, ++next).value();
                }
            });
        }

        Written flush(JdbcTemplate jdbc) {
            Deque<Long> boardIds = ids.apply("board_id_seq:" + boards.size());
            Deque<Long> caseIds = ids.apply("rma_case_id_seq:" + cases.size());
            Map<Board, Long> idOf = new IdentityHashMap<>();
            List<Object[]> boardRows = new ArrayList<>();
            for (Board b : boards) {
                long id = boardIds.pollFirst();
                idOf.put(b, id);
                boardRows.add(new Object[]{id, b.serial, b.part.partNumber(), b.part.revision(), b.status, b.location, b.site,
                        Timestamp.from(b.updated)});
            }
            int rows = insert(jdbc, "board", "id int8, serial text, part_number text, revision text, status text, location_code text, "
                    + "site_id int8, updated_at timestamptz", boardRows);
            List<Object[]> caseRows = new ArrayList<>();
            List<Object[]> lineRows = new ArrayList<>();
            List<Object[]> clockRows = new ArrayList<>();
            List<Object[]> breachRows = new ArrayList<>();
            List<Object[]> timelineRows = new ArrayList<>();
            List<Object[]> repairRows = new ArrayList<>();
            List<Object[]> surveyRows = new ArrayList<>();
            List<CaseRows> withSpare = new ArrayList<>();
            for (CaseRows c : cases) {
                c.id = caseIds.pollFirst();
                caseRows.add(c.row());
                lineRows.add(c.lineRow());
                for (Object[] k : c.clocks) {
                    clockRows.add(new Object[]{c.id, k[0], k[1], k[2], k[3], k[4]});
                    if ((Boolean) k[4]) {
                        breachRows.add(new Object[]{c.id, k[0], k[2], Timestamp.from(((Timestamp) k[2]).toInstant().plusSeconds(60)), k[3], c.owner});
                    }
                }
                for (Object[] t : c.timeline) {
                    timelineRows.add(new Object[]{c.id, t[0], t[1], t[2], t[3], t[4], t[5]});
                }
                if (c.repair != null) {
                    repairRows.add(c.repairRow());
                }
                if (c.survey != null) {
                    surveyRows.add(new Object[]{c.number, c.survey[0], c.survey[1], c.survey[2]});
                }
                if (c.reservation != null) {
                    withSpare.add(c);
                }
            }
            rows += insert(jdbc, "rma_case", "id int8, number text, tracking_token text, customer_code text, site_id int8, "
                    + "symptom text, channel text, state text, tier text, responsible_location text, "
                    + "reported_by text, first_owner text, first_owner_since timestamptz, diagnosis_outcome text, "
                    + "resolution text, created_at timestamptz, closed_at timestamptz", caseRows);
            rows += insert(jdbc, "case_line", "case_id int8, line_no int4, serial text, part_number text, state text, "
                    + "spare_serial text, spare_depot text, backordered bool, charge_flag bool, created_at timestamptz, "
                    + "ended_at timestamptz", lineRows);
            rows += insert(jdbc, "case_sla_clock", "case_id int8, step text, started_at timestamptz, due_at timestamptz, "
                    + "met_at timestamptz, breached bool", clockRows);
            rows += insert(jdbc, "case_breach", "case_id int8, step text, limit_at timestamptz, detected_at timestamptz, "
                    + "actual_at timestamptz, owner text", breachRows);
            rows += insert(jdbc, "case_timeline", "case_id int8, kind text, at timestamptz, actor text, text text, text_key text, "
                    + "text_args jsonb", timelineRows);
            rows += insert(jdbc, "repair_order", "case_number text, serial text, part_number text, symptom text, expected_at timestamptz, "
                    + "repair_center text, intake_at timestamptz, due_at timestamptz, technician text, diagnosis text, test_result text, "
                    + "outcome text, completed_at timestamptz, return_depot text, returned_at timestamptz, suspected_rogue bool", repairRows);
            rows += insert(jdbc, "survey_response", "case_number text, score int2, comment text, answered_at timestamptz", surveyRows);
            Deque<Long> reservationIds = ids.apply("spare_reservation_id_seq:" + Math.max(1, withSpare.size()));
            List<Object[]> reservationRows = new ArrayList<>();
            List<Object[]> decisionRows = new ArrayList<>();
            for (CaseRows c : withSpare) {
                long id = reservationIds.pollFirst();
                reservationRows.add(c.reservationRow(id));
                decisionRows.addAll(c.decisionRows(id));
            }
            rows += insert(jdbc, "spare_reservation", "id int8, case_number text, requested_part text, site_id int8, tier text, status text, "
                    + "serial text, board_part text, depot_code text, predicted_breach bool, created_at timestamptz, reserved_at timestamptz, "
                    + "closed_at timestamptz", reservationRows);
            rows += insert(jdbc, "sourcing_decision", "case_number text, reservation_id int8, kind text, made_at timestamptz, made_by text, "
                    + "requested_part text, site_id int8, tier text, chosen_depot text, chosen_serial text, reason text, reason_key text, "
                    + "reason_args jsonb", decisionRows);
            List<Object[]> custodyRows = new ArrayList<>();
            for (Move m : custody) {
                custodyRows.add(new Object[]{idOf.get(m.board()), m.from(), m.to(), m.c() == null ? "HISTORY" : "CASE", m.location(),
                        m.site(), m.c() == null ? "system" : m.c().owner, m.c() == null ? null : m.c().number, Timestamp.from(m.at())});
            }
            rows += insert(jdbc, "board_custody", "board_id int8, from_status text, to_status text, action text, location_code text, "
                    + "site_id int8, username text, case_number text, moved_at timestamptz", custodyRows);
            return new Written(cases.size(), boards.size(), rows);
        }

        /**
         * One statement per table and chunk: every column sent as one text array and cast back, so a hundred thousand rows
         * cost a few round trips instead of one each.
         */
        private int insert(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
            String[] names = java.util.Arrays.stream(columns.split(",")).map(c -> c.trim().split(" ")[0]).toArray(String[]::new);
            String[] types = java.util.Arrays.stream(columns.split(",")).map(c -> c.trim().split(" ")[1]).toArray(String[]::new);
            StringBuilder select = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                select.append(i == 0 ? "" : ", ").append("c").append(i).append("::").append(types[i]);
            }
            String sql = "insert into " + table + " (" + String.join(", ", names) + ") select " + select + " from unnest("
                    + String.join(", ", java.util.Collections.nCopies(names.length, "?::text[]")) + ") as u("
                    + java.util.stream.IntStream.range(0, names.length).mapToObj(i -> "c" + i).collect(java.util.stream.Collectors.joining(", "))
                    + ")";
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                jdbc.execute((java.sql.Connection connection) -> {
                    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                        for (int column = 0; column < names.length; column++) {
                            String[] values = new String[chunk.size()];
                            for (int row = 0; row < chunk.size(); row++) {
                                values[row] = text(chunk.get(row)[column]);
                            }
                            statement.setArray(column + 1, connection.createArrayOf("text", values));
                        }
                        return statement.executeUpdate();
                    }
                });
            }
            return rows.size();
        }

        private static String text(Object value) {
            return value == null ? null : value instanceof Timestamp t ? t.toInstant().toString() : value.toString();
        }
    }

    /** One closed case of the history and the rows it writes. */
    private static final class CaseRows {
        final SiteInfo site;
        final ServiceTier tier;
        final LocationInfo responsible;
        final Board faulty;
        final Instant reported;
        final String channel;
        final String owner;
        final String token;
        final String symptom;
        final List<Object[]> clocks = new ArrayList<>();
        final List<Object[]> timeline = new ArrayList<>();
        String closer;
        String number;
        long id;
        DiagnosisOutcome diagnosis;
        String resolution;
        Instant closed;
        boolean breached;
        boolean chargeFlag;
        Board spare;
        String spareDepot;
        Object[] reservation;
        Object[] repair;
        Object[] survey;
        String returnDepot;
        Instant returnedToStock;

        CaseRows(SiteInfo site, ServiceTier tier, LocationInfo responsible, Board faulty, Instant reported, String channel,
                 String owner, String token, String symptom) {
            this.site = site;
            this.tier = tier;
            this.responsible = responsible;
            this.faulty = faulty;
            this.reported = reported;
            this.channel = channel;
            this.owner = owner;
            this.closer = owner;
            this.token = token;
            this.symptom = symptom;
        }

        /** Who the application records as reporter for the channel. */
        String reporter() {
            return switch (channel) {
                case "HOTLINE", "FAX" -> owner;
                case "EMAIL" -> "mail";
                case "WEB" -> "portal";
                default -> "api";
            };
        }

        void clock(SlaStep step, Instant start, Instant due, Instant met) {
            boolean late = met.isAfter(due);
            breached |= late;
            clocks.add(new Object[]{step.name(), ts(start), ts(due), ts(met), late});
        }

        /** An entry as rma keeps it: key and arguments to be worded when read, and the English wording. */
        void timeline(TimelineKind kind, Instant at, String actor, Message text) {
            timeline.add(new Object[]{kind.name(), ts(at), actor, text.english(), text.key(), StoredMessage.arguments(text)});
        }

        void reservation(Board board, Instant requested, Instant served, boolean backorder, boolean predictedBreach) {
            reservation = new Object[]{board.serial, board.location, requested, served, backorder, predictedBreach};
        }

        void repair(LocationInfo center, Instant intake, Instant due, Instant completed, String outcome, boolean rogue) {
            repair = new Object[]{center.code(), intake, due, completed, outcome, rogue};
        }

        Object[] row() {
            Instant firstOwnerSince = ((Timestamp) clocks.get(0)[3]).toInstant().minusSeconds(30);
            return new Object[]{id, number, token, site.customerCode(), site.id(), symptom,
                    channel, CaseState.CLOSED.name(), tier.name(), responsible.code(), reporter(), owner, ts(firstOwnerSince), diagnosis.name(),
                    resolution, ts(reported), ts(closed)};
        }

        /** The case's one board, its line 1 (finished with the case). */
        Object[] lineRow() {
            return new Object[]{id, 1, faulty.serial, faulty.part.partNumber(), "FINISHED",
                    spare == null ? null : spare.serial, spareDepot, reservation != null && (Boolean) reservation[4], chargeFlag,
                    ts(reported), ts(closed)};
        }

        Object[] repairRow() {
            String outcome = (String) repair[4];
            String diagnosis = switch (outcome) {
                case "NFF" -> "NO_FAULT_FOUND";
                case "SCRAPPED" -> "BEYOND_REPAIR";
                default -> "FAULT_CONFIRMED";
            };
            return new Object[]{number, faulty.serial, faulty.part.partNumber(), symptom, ts(reported), repair[0],
                    ts((Instant) repair[1]), ts((Instant) repair[2]), "tech-" + repair[0], diagnosis,
                    outcome.equals("SCRAPPED") ? "FAIL" : "PASS", outcome, ts((Instant) repair[3]), returnDepot,
                    returnedToStock == null ? null : ts(returnedToStock), repair[5]};
        }

        Object[] reservationRow(long reservationId) {
            return new Object[]{reservationId, number, faulty.part.partNumber(), site.id(), tier.name(), "PICKED", reservation[0],
                    faulty.part.partNumber(), reservation[1], reservation[5], ts((Instant) reservation[2]),
                    ts((Instant) reservation[3]), null};
        }

        List<Object[]> decisionRows(long reservationId) {
            List<Object[]> rows = new ArrayList<>();
            if ((Boolean) reservation[4]) {
                rows.add(decision(new Object[]{number, reservationId, "BACKORDER", ts((Instant) reservation[2]), "system", faulty.part.partNumber(),
                        site.id(), tier.name(), null, null}, Message.of("sourcing.reason.noStock")));
                rows.add(decision(new Object[]{number, reservationId, "BACKORDER_SERVED", ts((Instant) reservation[3]), "system", faulty.part.partNumber(),
                        site.id(), tier.name(), reservation[1], reservation[0]}, Message.of("sourcing.reason.servedFromReturns")));
            } else {
                rows.add(decision(new Object[]{number, reservationId, "RESERVED", ts((Instant) reservation[2]), "system", faulty.part.partNumber(),
                        site.id(), tier.name(), reservation[1], reservation[0]}, Message.of("sourcing.reason.nearestInStock")));
            }
            return rows;
        }

        /** A decision row with its reason as sourcing keeps it: the English wording, the key and the arguments. */
        private static Object[] decision(Object[] row, Message reason) {
            Object[] stored = java.util.Arrays.copyOf(row, row.length + 3);
            stored[row.length] = reason.english();
            stored[row.length + 1] = reason.key();
            stored[row.length + 2] = StoredMessage.arguments(reason);
            return stored;
        }

        private static Timestamp ts(Instant at) {
            return Timestamp.from(at);
        }
    }
}
