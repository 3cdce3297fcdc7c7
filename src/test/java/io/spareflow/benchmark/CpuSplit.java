package io.spareflow.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU samples of some threads went in a JFR recording, two ways: by the work on the stack (a sample counts
 * for every piece of work whose frame is anywhere on its stack, so the shares overlap: "the move, with everything it
 * calls"), and by the library that was running (the frame nearest the top that belongs to one: JDK frames count for
 * the library that called them).
 */
final class CpuSplit {

    private final Map<String, Predicate<String>> work = new LinkedHashMap<>();
    private final Map<String, Predicate<String>> libraries = new LinkedHashMap<>();

    CpuSplit work(String name, Predicate<String> frame) {
        work.put(name, frame);
        return this;
    }

    CpuSplit library(String name, Predicate<String> frame) {
        libraries.put(name, frame);
        return this;
    }

    /** The split of the samples of the threads whose name starts with {@code threadPrefix}, as Markdown. */
    String of(Path jfr, String threadPrefix) throws Exception {
        Map<String, Integer> onStack = new LinkedHashMap<>();
        work.keySet().forEach(k -> onStack.put(k, 0));
        Map<String, Integer> byLibrary = new LinkedHashMap<>();
        libraries.keySet().forEach(k -> byLibrary.put(k, 0));
        String other = "other (JDK, the application's own code, …)";
        byLibrary.put(other, 0);
        Map<String, Integer> self = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith(threadPrefix)) {
                continue;
            }
            samples++;
            List<String> frames = event.getStackTrace().getFrames().stream().map(CpuSplit::name).toList();
            work.forEach((name, test) -> {
                if (frames.stream().anyMatch(test)) {
                    onStack.merge(name, 1, Integer::sum);
                }
            });
            byLibrary.merge(library(frames).orElse(other), 1, Integer::sum);
            if (!frames.isEmpty()) {
                self.merge(frames.get(0), 1, Integer::sum);
            }
        }
        int total = samples;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "CPU samples of the threads `%s*` (JFR `profile`): %d%n%n| work on the stack (overlapping) | share |%n|---|---:|%n",
                threadPrefix, total));
        onStack.forEach((name, n) -> out.append(row(name, n, total)));
        out.append("\n| library running (nearest the top) | share |\n|---|---:|\n");
        byLibrary.forEach((name, n) -> out.append(row(name, n, total)));
        out.append("\nHottest methods (self):\n\n");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(e -> out.append(String.format(Locale.ROOT, "- %s: %d%n", e.getKey(), e.getValue())));
        return out.toString();
    }

    private java.util.Optional<String> library(List<String> frames) {
        for (String frame : frames) {
            for (Map.Entry<String, Predicate<String>> library : libraries.entrySet()) {
                if (library.getValue().test(frame)) {
                    return java.util.Optional.of(library.getKey());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String row(String name, int n, int total) {
        return String.format(Locale.ROOT, "| %s | %.1f %% |%n", name, total == 0 ? 0 : 100.0 * n / total);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
