package io.spareflow.demo;

import java.util.Random;

/**
 * Plausible board serials: factory code, two-digit year, ISO week, six-digit sequence, e.g. {@code NJ2114000417}
 * (Nanjing factory, 2021, week 14). Unique within one sequence.
 */
class SerialSequence {

    private static final String[] FACTORIES = {"SZ", "NJ", "XA", "HY", "CS"};
    private final Random random;
    private int sequence;

    SerialSequence(Random random) {
        this.random = random;
        this.sequence = random.nextInt(1000);
    }

    String next() {
        sequence += 1 + random.nextInt(7);
        String factory = FACTORIES[random.nextInt(FACTORIES.length)];
        int year = 15 + random.nextInt(11);
        int week = 1 + random.nextInt(52);
        return String.format(java.util.Locale.ROOT, "%s%02d%02d%06d", factory, year, week, sequence % 1_000_000)
                + (sequence >= 1_000_000 ? Integer.toString(sequence / 1_000_000, 36).toUpperCase(java.util.Locale.ROOT) : "");
    }
}
