package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.spareflow.platform.MailStreamProviderPin;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * CPU of one customer mail as the outbox sends it (text and HTML alternatives and a 4 KB PDF label, built with
 * Spring's {@link MimeMessageHelper}) and as the embedded mail server (GreenMail) receives it, in this JVM as in the
 * default profile, with and without {@link MailStreamProviderPin}'s system property: batches alternated, so both
 * share the machine's load. The sending thread's CPU is the sender's side; the rest of the JVM's CPU is mostly the
 * server's. A Java Flight Recorder profile of one batch without the property gives the share of CPU samples in
 * jakarta.mail's {@code FactoryFinder} (the {@code ServiceLoader} look-up). Run:
 * {@code mvn -B -o test -Pbenchmark -Dtest=MailCostBenchmark [-Dbenchmark.mails=40] [-Dbenchmark.rounds=10]}.
 */
class MailCostBenchmark {

    private static final int MAILS = Integer.getInteger("benchmark.mails", 40);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 10);
    private static final String TEXT = "Ihr Fall RMA-2026-000123: das Ersatzteil ist unterwegs. ".repeat(25);
    private static final String HTML = "<html><body><p>Ihr Fall <b>RMA-2026-000123</b>: das Ersatzteil ist unterwegs.</p>"
            + "<table><tr><td>Sendung</td><td>SF-000123</td></tr></table></body></html>".repeat(40);
    private static final byte[] LABEL = new byte[4104];

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void mailCpuWithAndWithoutTheStreamProviderProperty() throws Exception {
        String before = System.getProperty(MailStreamProviderPin.PROPERTY);
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(server.getSmtp().getPort());
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                batch(sender, server, false);
                batch(sender, server, true);
            }
            double[][] without = new double[ROUNDS][];
            double[][] with = new double[ROUNDS][];
            for (int round = 0; round < ROUNDS; round++) {
                boolean pinnedFirst = round % 2 == 0;
                double[] first = batch(sender, server, pinnedFirst);
                double[] second = batch(sender, server, !pinnedFirst);
                with[round] = pinnedFirst ? first : second;
                without[round] = pinnedFirst ? second : first;
            }
            Map<String, Integer> samples = profileWithout(sender, server);
            report(without, with, samples);
        } finally {
            server.stop();
            restore(before);
        }
    }

    /** Sends {@link #MAILS} mails, waits until the server has them; ms per mail: wall, JVM CPU, sending thread's CPU. */
    private double[] batch(JavaMailSenderImpl sender, GreenMail server, boolean pinned) throws Exception {
        System.clearProperty(MailStreamProviderPin.PROPERTY);
        if (pinned) {
            MailStreamProviderPin.pin();
        }
        server.purgeEmailFromAllMailboxes();
        long wall = System.nanoTime();
        double jvm = ProcessCpu.jvmMillis();
        long thread = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MAILS; i++) {
            sender.send(mail(sender, i));
        }
        assertThat(server.waitForIncomingEmail(30_000, MAILS)).isTrue();
        double[] perMail = {
                (System.nanoTime() - wall) / 1e6 / MAILS,
                (ProcessCpu.jvmMillis() - jvm) / MAILS,
                (threads.getCurrentThreadCpuTime() - thread) / 1e6 / MAILS};
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).startsWith("RMA-2026-000123");
        return perMail;
    }

    private static MimeMessage mail(JavaMailSenderImpl sender, int i) throws Exception {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom("service@spareflow.example");
        helper.setTo("kunde" + i + "@example.com");
        helper.setSubject("RMA-2026-000123: Ersatzteil versandt – Rücksendeetikett");
        helper.setText(TEXT, HTML);
        mime.setHeader("Auto-Submitted", "auto-generated");
        helper.addAttachment("ruecksendeetikett.pdf", new ByteArrayResource(LABEL), "application/pdf");
        return mime;
    }

    /** One batch without the property under JFR: CPU samples by side, and how many of them are in FactoryFinder. */
    private Map<String, Integer> profileWithout(JavaMailSenderImpl sender, GreenMail server) throws Exception {
        Path file = Files.createTempFile("mail-cost", ".jfr");
        String sendingThread = Thread.currentThread().getName();
        Map<String, Integer> samples = new TreeMap<>();
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            for (int i = 0; i < 3; i++) {
                batch(sender, server, false);
            }
            recording.stop();
            recording.dump(file);
        }
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String side = sendingThread.equals(event.getThread("sampledThread").getJavaName()) ? "sender" : "other threads";
            boolean lookUp = event.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                    .anyMatch(m -> m.getType().getName().equals("jakarta.mail.util.FactoryFinder"));
            samples.merge(side + " total", 1, Integer::sum);
            if (lookUp) {
                samples.merge(side + " in FactoryFinder", 1, Integer::sum);
            }
        }
        Files.delete(file);
        return samples;
    }

    private static void report(double[][] without, double[][] with, Map<String, Integer> samples) throws Exception {
        String[] columns = {"wall ms", "JVM CPU ms", "sending thread CPU ms"};
        StringBuilder out = new StringBuilder("Mail cost per mail, median of " + ROUNDS + " alternated batches of " + MAILS
                + " mails (load " + MachineLoad.now() + ")\n| per mail | without the property | with it |\n|---|---:|---:|\n");
        for (int c = 0; c < columns.length; c++) {
            out.append(String.format("| %s | %.2f | %.2f |%n", columns[c], median(without, c), median(with, c)));
        }
        out.append("JFR of 3 batches without the property, execution samples: ").append(samples).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/mail-cost-benchmark.txt"), out);
        System.out.println(out);
    }

    private static double median(double[][] rows, int column) {
        double[] values = Arrays.stream(rows).mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(MailStreamProviderPin.PROPERTY);
        } else {
            System.setProperty(MailStreamProviderPin.PROPERTY, before);
        }
    }
}
