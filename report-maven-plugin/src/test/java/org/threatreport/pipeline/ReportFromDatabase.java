package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.threatreport.config.BuildOptions;
import org.threatreport.config.DataAccess;
import org.threatreport.config.RenderLimits;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.ProjectFiles;

/**
 * The proof that a report built from tables in a database is the report built from the same rows as CSV
 * files, shared by the tests of each engine: the fixture project is built once as it is, and once with each
 * table moved into the engine (its CSV file deleted, its schema given a {@code source:}); then every file of
 * the two builds is compared byte for byte. Only what copies the rows differs: the CSV downloads (and their
 * links on the home page) and the notebooks, whose cells for a table in a database run its SQL there; and
 * the home page and the corrections log say where and when the tables were read.
 */
final class ReportFromDatabase {

    /** The flagship-like fixture: two tables, every kind of figure and table, the PDF. */
    static final Path FIXTURE = Path.of("src/it/duckdb-source");

    /** Moves one table into the engine and returns the {@code source:} block its schema now starts with. */
    @FunctionalInterface
    interface TableMover {
        String move(Schema schema) throws Exception;
    }

    /**
     * The two builds: from the CSV files, and from the engine.
     *
     * @param databaseProject the project built from the engine (its schemas name the engine)
     */
    record Builds(Map<String, byte[]> fromCsv, Map<String, byte[]> fromDatabase, String log, Path databaseProject) {
    }

    private ReportFromDatabase() {
    }

    /** Builds the fixture from its CSV files, then from the engine {@code mover} moves its tables into. */
    static Builds build(Path folder, TableMover mover, DataAccess access) throws Exception {
        Path fromCsv = folder.resolve("csv");
        Path fromDatabase = folder.resolve("database");
        ProjectFiles.copyTree(FIXTURE, fromCsv);
        ProjectFiles.copyTree(FIXTURE, fromDatabase);
        Map<String, byte[]> expected = build(fromCsv, DataAccess.fromEnvironment(), Log.silent());
        for (Path schemaFile : schemaFiles(fromDatabase.resolve("data"))) {
            Schema schema = SchemaReader.read(schemaFile);
            String source = mover.move(schema);
            Files.delete(schema.dataFile());
            Files.writeString(schemaFile, source + Files.readString(schemaFile));
        }
        StringBuilder logged = new StringBuilder();
        Map<String, byte[]> actual = build(fromDatabase, access, everything(logged));
        return new Builds(expected, actual, logged.toString(), fromDatabase);
    }

    /** Every file of the build from the engine is the CSV build's, byte for byte, but the rows' copies. */
    static void assertSameReport(Builds builds) {
        assertTrue(builds.log().contains("counted where they lie"), builds.log());
        assertSameReport(builds.fromCsv(), builds.fromDatabase());
    }

    /**
     * Every file of {@code actual}, a build with its tables counted where they lie, is that of {@code expected},
     * the build from CSV files, byte for byte, but the rows' copies and the pages saying where they were read.
     */
    static void assertSameReport(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        int same = 0;
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            String name = file.getKey();
            if (name.startsWith("data/")) {
                assertFalse(actual.containsKey(name), name + ": a table in a database is not offered as CSV");
            } else if (!name.endsWith(".ipynb") && !name.equals("index.html") && !name.equals("corrections.html")) {
                assertTrue(actual.containsKey(name), "missing " + name);
                assertArrayEquals(file.getValue(), actual.get(name), name + " differs");
                same++;
            }
        }
        assertTrue(same > 40 && expected.containsKey("report.pdf"), "compared " + same + " files");
        assertEquals(expected.keySet().stream().filter(n -> !n.startsWith("data/")).collect(Collectors.toSet()),
                actual.keySet());
    }

    /** A log keeping every line, debug included (as mvn -X shows them). */
    private static Log everything(StringBuilder lines) {
        return new Log() {
            @Override
            public synchronized void info(String message) {
                lines.append(message).append('\n');
            }

            @Override
            public synchronized void debug(String message) {
                lines.append(message).append('\n');
            }

            @Override
            public synchronized void warn(String message) {
                lines.append(message).append('\n');
            }

            @Override
            public synchronized void error(String message, Exception cause) {
                lines.append(message).append('\n').append(cause).append('\n');
            }
        };
    }

    private static List<Path> schemaFiles(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.yaml")).sorted().toList();
        }
    }

    /** Builds a project into its target/report-site/1.0 and returns the files of that version by path. */
    static Map<String, byte[]> build(Path project, DataAccess access, Log log) throws Exception {
        BuildOptions options = new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("target/report-site"),
                project.resolve("target/report-cache"), "1.0", Optional.empty(), Optional.empty(), RenderLimits.DEFAULT,
                true, access);
        new ReportBuild(options, log).run();
        Path version = project.resolve("target/report-site/1.0");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(version)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(version.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
