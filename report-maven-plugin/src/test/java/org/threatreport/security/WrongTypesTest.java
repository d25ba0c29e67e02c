package org.threatreport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.check.ReportCheck;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.ProjectFiles;

/** A YAML value of the wrong type is a located error — never read as whatever it happens to convert to. */
class WrongTypesTest {

    @Test
    void everyWronglyTypedValueIsAnErrorAtItsPlace(@TempDir Path dir) throws Exception {
        ProjectFiles.copyTree(Path.of("src/test/resources/security/wrong-types"), dir);
        BuildOptions options = new BuildOptions(dir, dir.resolve("content"), dir.resolve("data"),
                dir.resolve("site-template"), dir.resolve("target/report-site"), dir.resolve("target/report-cache"), "1.0",
                Optional.empty());

        List<String> errors = new ReportCheck(options, Log.silent()).run().errors().stream()
                .map(p -> p.format(dir)).toList();

        assertEquals(List.of(
                "content/01-cells.md:3:11: error: 'numbered' is true or false, not 'perhaps'",
                "content/01-cells.md:12:6: error: 'top' keeps the N largest entries: expected a whole number 1 or more, not '2.5'",
                "content/01-cells.md:13:9: error: 'labels' is true or false, not 'maybe'",
                "content/01-cells.md:14:9: error: 'groups' is true or false, not 'yes please'",
                "content/01-cells.md:15:8: error: 'width' is in pixels: expected a whole number from 100 to 2000, not 'wide'",
                "data/people.schema.yaml:6:15: error: 'required' is true or false, not 'yes please'",
                "data/people.schema.yaml:9:15: error: 'required' is true or false, not '1'"), errors);
    }
}
