package io.spareflow.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The independent tools the label tests check labels with: zbarimg (Code 128, QR), dmtxread --gs1=29 (GS1
 * DataMatrix), pdftoppm, BWIPP's GS1 linter (npm bwip-js) and a ZPL renderer (npm zpl-renderer-js), the npm packages
 * installed by scripts/test-tools.sh into target/node-tools.
 */
public final class LabelTools {

    private static final Path NODE_TOOLS = Path.of("target", "node-tools", "node_modules").toAbsolutePath();
    private static final Path SCRIPTS = Path.of("src", "test", "node").toAbsolutePath();
    private static final char GS = '\u001D';
    /** The AIs Spareflow prints, in the order a splitter must try them; only (01) has a fixed length. */
    private static final Pattern VARIABLE_AI = Pattern.compile("^(240|400|21)");

    private LabelTools() {
    }

    /** Code 128 and QR codes on an image, one "TYPE:data" a line. */
    /** The rows (y) in which two images of the same size differ in any pixel. */
    public static SortedSet<Integer> differingRows(Path a, Path b) throws IOException {
        BufferedImage first = ImageIO.read(a.toFile());
        BufferedImage second = ImageIO.read(b.toFile());
        if (first.getWidth() != second.getWidth() || first.getHeight() != second.getHeight()) {
            throw new AssertionError("images of different sizes: " + a + ", " + b);
        }
        SortedSet<Integer> rows = new TreeSet<>();
        for (int y = 0; y < first.getHeight(); y++) {
            for (int x = 0; x < first.getWidth(); x++) {
                if (first.getRGB(x, y) != second.getRGB(x, y)) {
                    rows.add(y);
                    break;
                }
            }
        }
        return rows;
    }

    public static String zbar(Path image) throws Exception {
        return run("zbarimg", "--quiet", image.toString());
    }

    /** The GS1 element strings of the DataMatrix symbols on an image (GS separators, the leading FNC1 removed). */
    public static List<String> dataMatrices(Path image, int expected) throws Exception {
        String out = run("dmtxread", "--gs1=29", "-n", "-N", Integer.toString(expected), image.toString());
        return out.lines().map(line -> line.charAt(0) == GS ? line.substring(1) : line).filter(l -> !l.isEmpty()).toList();
    }

    /** Whether dmtxread finds no DataMatrix at all on an image. */
    public static boolean noDataMatrix(Path image) throws Exception {
        Process process = new ProcessBuilder("dmtxread", "--gs1=29", "-N", "1", "-m", "2000", image.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.isBlank();
    }

    /** Page images of a PDF at 300 dpi. */
    public static List<Path> rasterise(Path pdf) throws Exception {
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-page");
        run("pdftoppm", "-r", "300", "-png", pdf.toString(), prefix.toString());
        try (var pages = Files.list(pdf.getParent())) {
            return pages.filter(p -> p.getFileName().toString().startsWith(prefix.getFileName().toString())).sorted().toList();
        }
    }

    /** ZPL rendered as a 203 dpi (8 dots/mm) Zebra printer prints it, on a label of the given size. */
    public static Path renderZpl(byte[] zpl, double widthIn, double heightIn, Path dir, String name) throws Exception {
        Path program = Files.write(dir.resolve(name + ".zpl"), zpl);
        Path png = dir.resolve(name + "-zpl.png");
        node("zpl-render.js", null, program.toString(), Double.toString(widthIn * 25.4), Double.toString(heightIn * 25.4),
                png.toString());
        return png;
    }

    /** BWIPP's verdict on each element string (GS-separated, as decoded): "OK" or "INVALID reason". */
    public static List<String> gs1Verdicts(List<String> elementStrings) throws Exception {
        String input = String.join("\n", elementStrings.stream().map(LabelTools::bracketed).toList()) + "\n";
        return node("gs1-lint.js", input).lines().toList();
    }

    /** Fails unless BWIPP accepts every element string. */
    public static void assertGs1Conformant(List<String> elementStrings) throws Exception {
        assertThat(elementStrings).isNotEmpty();
        assertThat(gs1Verdicts(elementStrings)).as("BWIPP on %s", elementStrings.stream().map(LabelTools::bracketed).toList())
                .hasSameSizeAs(elementStrings).containsOnly("OK");
    }

    /**
     * The bracketed form "(01)…(21)…" of a GS-separated element string, split without Spareflow's scan parser:
     * (01) is 14 digits, every other AI runs to the next GS.
     */
    public static String bracketed(String elementString) {
        StringBuilder out = new StringBuilder();
        String rest = elementString;
        while (!rest.isEmpty()) {
            if (rest.charAt(0) == GS) {
                rest = rest.substring(1);
            } else if (rest.startsWith("01")) {
                out.append("(01)").append(rest, 2, Math.min(rest.length(), 16));
                rest = rest.substring(Math.min(rest.length(), 16));
            } else {
                Matcher ai = VARIABLE_AI.matcher(rest);
                String id = ai.find() ? ai.group(1) : rest.substring(0, Math.min(2, rest.length()));
                int end = rest.indexOf(GS);
                end = end < 0 ? rest.length() : end;
                out.append('(').append(id).append(')').append(rest, id.length(), end);
                rest = rest.substring(end);
            }
        }
        return out.toString();
    }

    private static String node(String script, String input, String... args) throws Exception {
        assertThat(NODE_TOOLS.resolve("bwip-js")).as("npm test tools (run scripts/test-tools.sh)").isDirectory();
        List<String> command = new java.util.ArrayList<>(List.of("node", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("NODE_PATH", NODE_TOOLS.toString());
        return run(builder, input);
    }

    /** Runs a tool; its standard output, or a failure naming the command and what it said. */
    public static String run(String... command) throws Exception {
        return run(new ProcessBuilder(command), null);
    }

    private static String run(ProcessBuilder builder, String input) throws IOException, InterruptedException {
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", builder.command()) + " failed: " + err + out).isZero();
        return out;
    }
}
