package io.spareflow.demo;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds large data sets for benchmarks: {@code --spareflow.generate.locations=N} depots in total (the real network
 * plus synthetic ones named {@code GEN0001…}) and {@code --spareflow.generate.boards=M} more AVAILABLE boards spread
 * over all depots. With {@code --spareflow.generate.exit=true} the service stops when done. See docs/operations.md.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "spareflow.generate.boards")
class LargeDataGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LargeDataGenerator.class);
    private static final int CHUNK = 100_000;

    @ConfigurationProperties("spareflow.generate")
    record GenerateProperties(int locations, int boards, boolean exit, Long seed) {
    }

    private final GenerateProperties properties;
    private final Locations locations;
    private final Parts parts;
    private final Boards boards;
    private final TransactionTemplate transactions;
    private final ConfigurableApplicationContext context;

    LargeDataGenerator(GenerateProperties properties, Locations locations, Parts parts, Boards boards,
                       TransactionTemplate transactions, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.locations = locations;
        this.parts = parts;
        this.boards = boards;
        this.transactions = transactions;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Random random = new Random(properties.seed() == null ? 7L : properties.seed());
        long started = System.nanoTime();
        addSyntheticDepots(random);
        List<LocationInfo> depots = locations.depots();
        List<PartInfo> catalogue = parts.all();
        SerialSequence serials = new SyntheticSerials();
        int written = 0;
        while (written < properties.boards()) {
            int size = Math.min(CHUNK, properties.boards() - written);
            List<NewBoard> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                PartInfo part = catalogue.get(random.nextInt(catalogue.size()));
                LocationInfo depot = depots.get(random.nextInt(depots.size()));
                chunk.add(new NewBoard(serials.next(), part.partNumber(), part.revision(), BoardStatus.AVAILABLE, depot.code(), null));
            }
            transactions.executeWithoutResult(tx -> boards.registerAll(chunk));
            written += size;
            log.info("Generated {} of {} boards", written, properties.boards());
        }
        log.info("Data set ready: {} depots, {} boards in total, in {} s", depots.size(), boards.count(),
                (System.nanoTime() - started) / 1_000_000_000);
        if (properties.exit()) {
            int code = org.springframework.boot.SpringApplication.exit(context, () -> 0);
            System.exit(code);
        }
    }

    private void addSyntheticDepots(Random random) {
        int missing = properties.locations() - locations.depots().size();
        if (missing <= 0) {
            return;
        }
        List<LocationInfo> real = locations.depots();
        List<LocationInfo> synthetic = new ArrayList<>(missing);
        int next = 1;
        while (synthetic.size() < missing) {
            String code = String.format(java.util.Locale.ROOT, "GEN%04d", next++);
            if (locations.find(code).isPresent()) {
                continue;
            }
            // Near a real depot (within ~300 km), so synthetic depots stand on land where the network is.
            LocationInfo anchor = real.get(random.nextInt(real.size()));
            double lat = Math.max(-89, Math.min(89, anchor.latitude() + (random.nextDouble() - 0.5) * 5));
            double lon = Math.max(-179, Math.min(179, anchor.longitude() + (random.nextDouble() - 0.5) * 5));
            synthetic.add(new LocationInfo(code, "Synthetic depot " + code, anchor.type() == LocationType.OFFICE_DEPOT
                    ? LocationType.OFFICE_DEPOT : LocationType.OVERSEAS_DEPOT, anchor.city() + " area", anchor.country(),
                    lat, lon, anchor.timeZone(), anchor.businessHours(), anchor.handlingMinutes(), null, null));
        }
        transactions.executeWithoutResult(tx -> locations.registerAll(synthetic));
        log.info("Added {} synthetic depots", synthetic.size());
    }

    /** Serials that cannot collide with demo serials: prefix {@code GX} and a plain counter. */
    private static final class SyntheticSerials extends SerialSequence {
        private long counter;

        SyntheticSerials() {
            super(new Random(0));
        }

        @Override
        String next() {
            return String.format(java.util.Locale.ROOT, "GX%010d", ++counter);
        }
    }
}
