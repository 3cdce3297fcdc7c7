package io.spareflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every test class in src/test runs in {@code mvn verify}: a class whose name matches none of surefire's includes
 * would silently never run (as the scan parser's properties once did). Classes the pom excludes on purpose at
 * plugin level (benchmarks) are exempt.
 */
class TestDiscoveryTest {

    private static final Path TEST_SOURCES = Path.of("src/test/java");
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b",
            Pattern.MULTILINE);
    private static final Pattern ABSTRACT_CLASS = Pattern.compile("\\babstract\\s+class\\b");

    @Test
    void everyTestClassIsPickedUpBySurefire() throws Exception {
        Surefire surefire = Surefire.fromPom(Path.of("pom.xml"));
        List<String> missed = new ArrayList<>();
        for (Path source : testClasses()) {
            String relative = TEST_SOURCES.relativize(source).toString().replace('\\', '/');
            if (!surefire.runs(relative) && !surefire.deliberatelyExcludes(relative)) {
                missed.add(relative);
            }
        }
        assertThat(missed)
                .as("test classes surefire would never run (rename them or add an include in pom.xml)")
                .isEmpty();
    }

    @Test
    void theCheckSeesTheClassesItGuards() throws Exception {
        Surefire surefire = Surefire.fromPom(Path.of("pom.xml"));
        assertThat(surefire.runs("io/spareflow/scan/ScanCodeParserProperties.java")).isTrue();
        assertThat(surefire.runs("io/spareflow/scan/ScanCodeParserChecks.java")).isFalse();
        assertThat(surefire.deliberatelyExcludes("io/spareflow/benchmark/ScanIngestBenchmark.java")).isTrue();
        assertThat(surefire.runs("io/spareflow/sourcing/SourcingModuleTest.java"))
                .as("module tests run in the execution of their own").isTrue();
        assertThat(testClasses()).contains(TEST_SOURCES.resolve("io/spareflow/TestDiscoveryTest.java"));
    }

    private static List<Path> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(TestDiscoveryTest::declaresTests)
                    .toList();
        }
    }

    private static boolean declaresTests(Path source) {
        try {
            String text = Files.readString(source);
            return TEST_ANNOTATION.matcher(text).find() && !ABSTRACT_CLASS.matcher(text).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source, e);
        }
    }

    /** The surefire plugin's executions as the pom declares them: each with its includes and excludes. */
    private record Surefire(List<Execution> executions, List<Pattern> pluginExcludes) {

        boolean runs(String path) {
            return executions.stream().anyMatch(execution -> execution.runs(path));
        }

        boolean deliberatelyExcludes(String path) {
            return matchesAny(pluginExcludes, path);
        }

        static Surefire fromPom(Path pom) throws Exception {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(pom.toFile()).getDocumentElement();
            Element plugin = surefirePlugin(project);
            Element configuration = child(plugin, "configuration");
            List<Pattern> includes = patterns(configuration, "includes", "include");
            List<Pattern> excludes = patterns(configuration, "excludes", "exclude");
            List<Execution> executions = new ArrayList<>();
            boolean defaultExecutionConfigured = addExecutions(plugin, includes, excludes, executions);
            if (!defaultExecutionConfigured) {
                executions.add(new Execution(includes, excludes));
            }
            // Executions a profile adds (the module tests), with the plugin's includes and excludes unless their own.
            for (Element profile : children(child(project, "profiles"), "profile")) {
                Element profilePlugin = surefirePluginIn(child(profile, "build"));
                if (profilePlugin != null) {
                    addExecutions(profilePlugin, includes, excludes, executions);
                }
            }
            return new Surefire(executions, excludes);
        }

        /** Adds the plugin's executions; true when one of them is surefire's default execution. */
        private static boolean addExecutions(Element plugin, List<Pattern> includes, List<Pattern> excludes,
                                             List<Execution> executions) {
            boolean defaultExecutionConfigured = false;
            for (Element execution : children(child(plugin, "executions"), "execution")) {
                Element own = child(execution, "configuration");
                defaultExecutionConfigured |= "default-test".equals(text(child(execution, "id")));
                executions.add(new Execution(
                        own != null && child(own, "includes") != null ? patterns(own, "includes", "include") : includes,
                        own != null && child(own, "excludes") != null ? patterns(own, "excludes", "exclude") : excludes));
            }
            return defaultExecutionConfigured;
        }

        private static Element surefirePlugin(Element project) {
            Element plugin = surefirePluginIn(child(project, "build"));
            if (plugin == null) {
                throw new IllegalStateException("pom.xml configures no maven-surefire-plugin");
            }
            return plugin;
        }

        private static Element surefirePluginIn(Element build) {
            return children(child(build, "plugins"), "plugin").stream()
                    .filter(plugin -> "maven-surefire-plugin".equals(text(child(plugin, "artifactId"))))
                    .findFirst()
                    .orElse(null);
        }

        private static List<Pattern> patterns(Element configuration, String list, String item) {
            return children(child(configuration, list), item).stream().map(e -> glob(text(e))).toList();
        }

        /** Surefire's path patterns: {@code **} any directories, {@code *} any characters within a name. */
        private static Pattern glob(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                if (pattern.startsWith("**/", i)) {
                    regex.append("(?:.*/)?");
                    i += 2;
                } else if (pattern.charAt(i) == '*') {
                    regex.append("[^/]*");
                } else {
                    regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                }
            }
            return Pattern.compile(regex.toString());
        }
    }

    private record Execution(List<Pattern> includes, List<Pattern> excludes) {
        boolean runs(String path) {
            return matchesAny(includes, path) && !matchesAny(excludes, path);
        }
    }

    private static boolean matchesAny(List<Pattern> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }
}
