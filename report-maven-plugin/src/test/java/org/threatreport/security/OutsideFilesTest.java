package org.threatreport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.check.ReportCheck;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.pipeline.ReportBuild;
import org.threatreport.testing.ProjectFiles;

/**
 * A report holds only its own files: a schema's {@code file:} cannot name a file outside the data
 * folder, and a symbolic link in {@code content/}, {@code data/} or {@code site-template/} cannot
 * bring one in. The message names the place to fix and never shows anything of the foreign file.
 */
class OutsideFilesTest {

    private static final String SECRET = "password=hunter2-do-not-publish";

    private static BuildOptions project(Path dir) throws Exception {
        ProjectFiles.copyTree(Path.of("src/test/resources/render/golden/input"), dir.resolve("project"));
        Path project = dir.resolve("project");
        Files.writeString(dir.resolve("secret.csv"), SECRET + "\nid,date,industry,scope\n");
        return new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("target/report-site"),
                project.resolve("target/report-cache"), "1.0", Optional.empty());
    }

    private static List<String> checkErrors(BuildOptions options) throws Exception {
        return new ReportCheck(options, Log.silent()).run().errors().stream()
                .map(p -> p.format(options.projectDir())).toList();
    }

    @Test
    void aSchemaCannotNameAFileOutsideTheDataFolder(@TempDir Path dir) throws Exception {
        BuildOptions options = project(dir);
        Path schema = options.dataDir().resolve("incidents.schema.yaml");
        for (String outside : List.of("../../secret.csv", dir.resolve("secret.csv").toString())) {
            Files.writeString(schema, Files.readString(schema).replaceFirst("(?m)^file: .*\\n", "")
                    .replaceFirst("(?m)^table: incidents$", "table: incidents\nfile: " + outside));

            InputException build = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());
            List<String> check = checkErrors(options);

            String expected = "data/incidents.schema.yaml:2:7: error: file '" + outside + "' is outside the data folder";
            assertTrue(build.describe(options.projectDir()).startsWith(expected), build.describe(options.projectDir()));
            assertTrue(check.stream().anyMatch(line -> line.startsWith(expected)), check.toString());
            assertFalse(build.describe(options.projectDir()).contains("hunter2"));
            assertFalse(String.join("\n", check).contains("hunter2"));
        }
    }

    @Test
    void aSymbolicLinkOutOfTheProjectIsRefusedWhereverItStands(@TempDir Path dir) throws Exception {
        BuildOptions options = project(dir);
        Files.createSymbolicLink(options.dataDir().resolve("incidents.csv.link"), dir.resolve("secret.csv"));
        Files.createSymbolicLink(options.contentDir().resolve("09-leak.md"), dir.resolve("secret.csv"));
        Files.createDirectories(options.templateDir().resolve("assets"));
        Files.createSymbolicLink(options.templateDir().resolve("assets/custom.css"), dir.resolve("secret.csv"));
        Files.createSymbolicLink(options.dataDir().resolve("inside.csv"), options.dataDir().resolve("incidents.csv"));

        InputException build = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());

        String suffix = ": error: is a symbolic link to a file outside the project: copy the file into the project"
                + " instead, so that the report holds only its own files";
        assertEquals(List.of("content/09-leak.md" + suffix, "data/incidents.csv.link" + suffix,
                "site-template/assets/custom.css" + suffix), build.describe(options.projectDir()).lines().toList());
        assertTrue(checkErrors(options).containsAll(build.describe(options.projectDir()).lines().toList()));
        assertFalse(Files.exists(options.versionDir()), "nothing was written");
    }

    @Test
    void aFigureOfMoreCategoriesThanAChartCanShowIsAnErrorAtItsCell(@TempDir Path dir) throws Exception {
        BuildOptions options = project(dir);
        StringBuilder values = new StringBuilder();
        StringBuilder rows = new StringBuilder("id,date,kind\n");
        for (int i = 0; i < 61; i++) {
            values.append(i == 0 ? "" : ", ").append("k").append(i);
            rows.append("r").append(i).append(",2017-03-01,k").append(i).append('\n');
        }
        for (String other : List.of("content/01-golden.md", "content/02-other.md", "data/incidents.schema.yaml",
                "data/incidents.csv")) {
            Files.delete(options.projectDir().resolve(other));
        }
        Files.writeString(options.dataDir().resolve("kinds.schema.yaml"), "table: kinds\nid: id\ncolumns:\n"
                + "  - {name: id, type: text}\n  - {name: date, type: date}\n  - {name: kind, type: category, values: ["
                + values + "]}\n");
        Files.writeString(options.dataDir().resolve("kinds.csv"), rows.toString());
        Files.writeString(options.contentDir().resolve("03-kinds.md"), "---\ntitle: Kinds\n---\n\nSee @fig-kinds.\n\n"
                + "```{figure}\nid: fig-kinds\ncolumn: kind\ncaption: every kind\n```\n");

        String expected = "content/03-kinds.md:7:1: error: figure 'fig-kinds' would draw 61 categories, more than a chart"
                + " can show legibly (60): keep the largest with 'top: 20' (the rest folded into one entry), or show them"
                + " all as a {table}";
        InputException build = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());
        assertEquals(List.of(expected), build.describe(options.projectDir()).lines().toList());
        assertTrue(checkErrors(options).contains(expected), checkErrors(options).toString());
    }
}
