package io.spareflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-minute load average, written beside each figure: on a shared machine it says what a figure is worth. */
public final class MachineLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {
    }

    public static String now() {
        try {
            return Files.exists(LOADAVG) ? Files.readString(LOADAVG).split(" ")[0] : "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
