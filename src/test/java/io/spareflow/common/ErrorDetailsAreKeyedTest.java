package io.spareflow.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * The guard against error details written out in one language: the API's exceptions are made from a {@link Message}
 * (a key and arguments), never from a text; Spring Security's refusal is only raised as {@link ForbiddenException};
 * and every key a source names in {@code Message.of("…")} exists in the bundles.
 */
class ErrorDetailsAreKeyedTest {

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.spareflow");
    private static final Pattern MESSAGE_KEY = Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\"\\s*[,)]");

    @Test
    void noExceptionAPersonReadsCanBeMadeFromAText() {
        List<String> textual = MAIN.stream().filter(c -> c.isAssignableTo(Explained.class) && !c.isInterface())
                .flatMap(c -> c.getConstructors().stream())
                .filter(ErrorDetailsAreKeyedTest::takesATextAsDetail)
                .map(JavaConstructor::getFullName).toList();

        assertThat(MAIN.stream().filter(c -> c.isAssignableTo(Explained.class)).map(JavaClass::getSimpleName))
                .as("the exceptions the API answers with").contains("InvalidInputException", "ConflictException",
                        "NotFoundException", "ForbiddenException", "UnreadableCodeException", "IllegalBoardMoveException");
        assertThat(textual).as("constructors taking the detail as a String instead of a Message").isEmpty();
    }

    @Test
    void accessIsRefusedWithAKeyedDetail() {
        noClasses().that().doNotHaveFullyQualifiedName(ForbiddenException.class.getName())
                .should().callConstructor(AccessDeniedException.class, String.class)
                .orShould().callConstructor(AccessDeniedException.class, String.class, Throwable.class)
                .because("a refusal's detail is read by a person in their language: throw ForbiddenException(Message)")
                .check(MAIN);
    }

    @Test
    void everyKeyOfAMessageExists() throws IOException {
        Properties english = new Properties();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle : bundles.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                try (InputStream in = Files.newInputStream(bundle)) {
                    english.load(in);
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = MESSAGE_KEY.matcher(Files.readString(source));
                while (key.find()) {
                    if (!english.containsKey(key.group(1))) {
                        missing.add(key.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(english).as("bundles read").isNotEmpty();
        assertThat(missing).as("message keys named in the sources but in no bundle").isEmpty();
    }

    /** A String where the detail goes: alone, or with the field errors. A serial or other value beside it is fine. */
    private static boolean takesATextAsDetail(JavaConstructor constructor) {
        List<String> parameters = constructor.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        return parameters.equals(List.of(String.class.getName()))
                || parameters.equals(List.of(String.class.getName(), java.util.Map.class.getName()))
                || parameters.equals(List.of(String.class.getName(), Object.class.getName()));
    }
}
