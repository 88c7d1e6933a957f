package org.almoner.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's shape: plain Java, packages by capability, each saying what it is for. */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.almoner.engine");

    @Test
    void engineKnowsNothingOfSpringOrThePlatform() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.almoner.app..",
                "org.almoner.cli..", "org.almoner.platform..").check(ENGINE);
    }

    @Test
    void packagesAreCapabilitiesNotLayers() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..repository..", "..dao..", "..util..")
                .check(ENGINE);
    }

    @Test
    void moneyIsNeverADouble() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Float").check(ENGINE);
        // Fields named like money must be BigDecimal (or whole pence); doubles are for rates and statistics.
        ENGINE.stream().flatMap(javaClass -> javaClass.getFields().stream())
                .filter(field -> field.getName().toLowerCase().matches(".*(cost|price|amount|money|pence|pounds).*"))
                .forEach(field -> assertThat(field.getRawType().getName())
                        .as("%s.%s", field.getOwner().getName(), field.getName())
                        .isNotIn("double", "float", "java.lang.Double", "java.lang.Float"));
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        Path sources = Path.of("src", "main", "java", "org", "almoner", "engine");
        List<Path> packages;
        try (Stream<Path> walk = Files.walk(sources)) {
            packages = walk.filter(Files::isDirectory)
                    .filter(directory -> hasJavaFiles(directory))
                    .toList();
        }
        assertThat(packages).isNotEmpty();
        for (Path directory : packages) {
            Path info = directory.resolve("package-info.java");
            assertThat(info).as("package-info.java in %s", directory).exists();
            assertThat(Files.readString(info)).as("%s starts with a Javadoc comment", info).startsWith("/**");
        }
    }

    private static boolean hasJavaFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
