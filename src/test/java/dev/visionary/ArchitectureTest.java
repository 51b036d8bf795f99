package dev.visionary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout README's Architecture section draws, checked on the compiled classes (so a fully qualified name
 * in code counts as much as an import). Bottom to top: the shared lower packages, then the features side by
 * side, then the top (App, seed, training), which wires them together.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.visionary";
  private static final List<String> FEATURES = List.of("account", "expand", "generate", "library");
  private static final List<String> LOWER = List.of("config", "json", "prompt", "png", "db", "metrics", "web", "identity",
      "provider");
  private static final String[] ABOVE_LOWER = Stream.concat(
          Stream.of(ROOT, ROOT + ".seed..", ROOT + ".training.."),
          FEATURES.stream().map(f -> ROOT + "." + f + ".."))
      .toArray(String[]::new);

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** Every package its own slice, the top package included, so a cycle through App is found too. */
  private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return SliceIdentifier.of(javaClass.getPackageName());
    }

    @Override
    public String getDescription() {
      return "each package of " + ROOT;
    }
  };

  @Test
  void noTwoPackagesDependOnEachOtherEvenThroughOthers() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void aFeatureNeverDependsOnAnotherFeatureNorOnTheTop() {
    for (String feature : FEATURES) {
      String[] forbidden = Stream.concat(
              Stream.of(ROOT, ROOT + ".seed..", ROOT + ".training.."),
              FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> ROOT + "." + f + ".."))
          .toArray(String[]::new);
      noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
          .should().dependOnClassesThat().resideInAnyPackage(forbidden)
          .because(feature + " shares with other features only what lies below them")
          .check(CLASSES);
    }
  }

  @Test
  void lowerPackagesNeverDependOnFeaturesNorOnTheTop() {
    noClasses().that().resideInAnyPackage(LOWER.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage(ABOVE_LOWER)
        .because("what the features share must not know the features")
        .check(CLASSES);
  }
}
