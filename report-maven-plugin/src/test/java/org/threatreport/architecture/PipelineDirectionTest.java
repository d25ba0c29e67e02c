package org.threatreport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin is a one-way pipeline: a stage imports only the stages before it, and only the goals
 * know Maven.
 */
class PipelineDirectionTest {

    /** The stages in pipeline order. */
    static final List<String> STAGES = List.of("diagnostic", "config", "data", "model", "aggregate", "chart",
            "render", "notebook", "pdf", "site", "publish", "pipeline", "check", "preview", "scaffold", "mojo");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.threatreport");
    }

    @Test
    void everyStageImportsOnlyTheStagesBeforeIt() {
        for (int i = 0; i < STAGES.size(); i++) {
            String[] later = STAGES.subList(i + 1, STAGES.size()).stream()
                    .map(stage -> "org.threatreport." + stage + "..").toArray(String[]::new);
            if (later.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage("org.threatreport." + STAGES.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .allowEmptyShould(true)
                    .because("stage " + STAGES.get(i) + " comes before them in the pipeline")
                    .check(classes);
        }
    }

    @Test
    void onlyTheGoalsKnowMaven() {
        // Maven's order of version names is the one exception: version names are Maven versions.
        noClasses().that().resideOutsideOfPackage("org.threatreport.mojo..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.apache.maven..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(ComparableVersion.class))))
                .check(classes);
    }

    @Test
    void theChartStageStandsAlone() {
        noClasses().that().resideInAPackage("org.threatreport.chart..")
                .should().dependOnClassesThat().resideInAnyPackage(STAGES.stream()
                        .filter(stage -> !stage.equals("chart")).map(stage -> "org.threatreport." + stage + "..")
                        .toArray(String[]::new))
                .check(classes);
    }
}
