package org.threatreport.aggregate.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.SqlTable;
import org.threatreport.data.sql.SqlColumn;
import org.threatreport.data.sql.SqlTableReader;

/**
 * The snapshot file: its layout (a golden file, {@code snapshot/incidents.snapshot.json}; run with
 * {@code -Dgolden.update=true} to rewrite it, then review the diff), that reading it gives back what was
 * written, and that the answers it replays are the ones recorded — for every kind of query.
 */
class SnapshotFileTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/snapshot/incidents.snapshot.json");

    @TempDir
    Path folder;

    /** Queries of every kind: periods, filters of each sort, exclusions, each grouping and measure. */
    static List<Query> queries() {
        Query year = Query.of("incidents").in(Period.year("date", 2017));
        return List.of(
                year,
                Query.of("incidents"),
                year.where(new Filter.In("industry", List.of("Finance", "Retail"))).withMinN(30),
                year.where(new Filter.Not(new Filter.Range("records", "10", null))).by(new Grouping.Values("actor")),
                year.excluding(new Exclusion("actor", List.of("Unknown"))).by(new Grouping.Groups("industry"))
                        .by(new Grouping.Months("date")),
                Query.of("incidents").in(Period.years("date", 2013, 2017)).by(new Grouping.Years("date"))
                        .measuring(Measure.median("dwell_days")),
                year.by(new Grouping.Bins("records", List.of(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("100.5"))))
                        .measuring(new Measure.Percentile("records", new BigDecimal("90"))),
                year.measuring(new Measure.Sum("records")),
                year.measuring(new Measure.Mean("records")),
                year.measuring(new Measure.Min("records")),
                year.measuring(new Measure.Max("records")));
    }

    /** A made-up answer to each query: its rows numbered, a value where a measure has one. */
    private static QueryResult answer(Query query) {
        List<QueryResult.Row> rows = new ArrayList<>();
        int keys = query.groupings().isEmpty() ? 1 : 2;
        for (int i = 0; i < keys; i++) {
            List<String> key = query.groupings().stream().map(g -> g.column() + "-" + rows.size()).toList();
            BigDecimal value = query.measure() instanceof Measure.Count || i == 1 ? null : new BigDecimal("31.25");
            rows.add(new QueryResult.Row(key, 40 + i, value == null && !(query.measure() instanceof Measure.Count) ? 0
                    : 40 + i, value));
        }
        return new QueryResult(query, 540, rows);
    }

    private SqlTable table() throws Exception {
        Path schema = folder.resolve("incidents.schema.yaml");
        Files.writeString(schema, """
                source:
                  url: jdbc:postgresql://db.example.org:5432/soc
                  table: public.incidents
                  server: soc-db
                table: incidents
                columns:
                  - {name: id, type: text}
                  - {name: date, type: date}
                  - {name: industry, type: category, values: [Finance, Retail]}
                  - {name: actor, type: category, values: [External, Unknown]}
                  - {name: records, type: integer}
                  - {name: dwell_days, type: integer}
                """);
        Map<String, SqlColumn> columns = new TreeMap<>();
        for (String[] column : new String[][] {{"id", "TEXT", "text"}, {"date", "DATE", "date"},
                {"industry", "TEXT", "text"}, {"actor", "TEXT", "text"}, {"records", "INTEGER", "int8"},
                {"dwell_days", "INTEGER", "int4"}}) {
            columns.put(column[0], new SqlColumn(column[0], column[0], SqlColumn.Storage.valueOf(column[1]), column[2]));
        }
        return SqlTableReader.offline(SchemaReader.read(schema), columns, 2000, new TreeMap<>(Map.of(2016, 430L, 2017, 540L)),
                Instant.parse("2018-01-15T08:30:00Z"));
    }

    private TableSnapshot recorded() throws Exception {
        RecordingExecutor recorder = new RecordingExecutor(SnapshotFileTest::answer);
        for (Query query : queries()) {
            recorder.run(query);
            recorder.run(query); // asked twice, recorded once
        }
        TableSnapshot snapshot = recorder.snapshot(table());
        return new TableSnapshot(snapshot.table(), snapshot.source(), snapshot.columns(), snapshot.readAt(), Duration.ofMillis(850),
                Duration.ofMillis(120), snapshot.rows(), snapshot.rowsByYear(), snapshot.answers());
    }

    @Test
    void theFileIsSortedIndentedJsonAsDocumented() throws Exception {
        byte[] actual = SnapshotFile.bytes(recorded());
        if (UPDATE) {
            Files.write(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                GOLDEN + " differs; if the change is intended, run with -Dgolden.update=true and review the diff");
    }

    @Test
    void readingTheFileGivesBackEveryAnswerAndTheSameBytes() throws Exception {
        TableSnapshot written = recorded();
        Path file = folder.resolve("incidents.snapshot.json");
        Files.write(file, SnapshotFile.bytes(written));
        TableSnapshot read = SnapshotFile.read(file).orElseThrow();
        assertEquals(written, read);
        assertArrayEquals(SnapshotFile.bytes(written), SnapshotFile.bytes(read));
        ReplayingExecutor replay = new ReplayingExecutor(read, "data/incidents.snapshot.json");
        for (Query query : queries()) {
            QueryResult expected = answer(query);
            QueryResult replayed = replay.run(query);
            assertEquals(expected.base(), replayed.base(), query.toString());
            assertEquals(expected.rows(), replayed.rows(), query.toString());
            assertEquals(query, replayed.query(), "the result is of the query as asked, min-n included");
        }
        assertEquals(11, read.answers().size(), "one answer per query, whatever its min-n");
        assertEquals(540L, read.rowsOf(2017).orElseThrow());
    }

    @Test
    void offlineTheTableWritesTheSameSqlAsOnlineFromTheColumnsTheSnapshotHolds() throws Exception {
        SqlTable online = table();
        Path file = folder.resolve("incidents.snapshot.json");
        Files.write(file, SnapshotFile.bytes(recorded()));
        TableSnapshot read = SnapshotFile.read(file).orElseThrow();
        SqlTable offline = SqlTableReader.offline(online.schema(), read.columns(), read.rows(), read.rowsByYear(),
                read.readAt());
        assertFalse(offline.source().online());
        for (Query query : queries()) {
            assertEquals(new org.threatreport.aggregate.sql.SqlExecutor(online).statements(query),
                    new org.threatreport.aggregate.sql.SqlExecutor(offline).statements(query), query.toString());
        }
    }

    @Test
    void aQueryNotRecordedIsAMistakeThatSaysWhatWasAskedAndWhatToDo() throws Exception {
        ReplayingExecutor replay = new ReplayingExecutor(recorded(), "data/incidents.snapshot.json");
        Query unasked = Query.of("incidents").in(Period.year("date", 2016))
                .where(new Filter.In("industry", List.of("Retail"))).by(new Grouping.Values("actor"));
        ReplayingExecutor.MissingAnswer missing = assertThrows(ReplayingExecutor.MissingAnswer.class,
                () -> replay.run(unasked));
        assertEquals("the build is offline (report.offline) and data/incidents.snapshot.json has no answer to this"
                + " question: the number of rows of incidents in 2016 where industry is Retail, per value of actor; it"
                + " was not asked when the snapshot was recorded. Build once online (without -Dreport.offline) to"
                + " record it, and commit data/incidents.snapshot.json", missing.getMessage());
    }

    @Test
    void aSnapshotReadTheSameLaterIsTheSameApartFromItsTimes() throws Exception {
        TableSnapshot first = recorded();
        TableSnapshot later = new TableSnapshot(first.table(), first.source(), first.columns(), first.readAt().plusSeconds(86_400),
                Duration.ofMillis(3), Duration.ofMillis(4), first.rows(), first.rowsByYear(), first.answers());
        assertTrue(later.sameReadAs(first));
        TableSnapshot grown = new TableSnapshot(first.table(), first.source(), first.columns(), first.readAt(), first.reading(),
                first.answering(), first.rows() + 1, first.rowsByYear(), first.answers());
        assertFalse(grown.sameReadAs(first));
        assertFalse(first.sameReadAs(null));
    }

    @Test
    void aBrokenFileIsAProblemAtItsPlace() throws Exception {
        Path file = folder.resolve("incidents.snapshot.json");
        Files.writeString(file, "{\n  \"format\" : 1,\n  \"rows\" : [ 1,\n}\n");
        SnapshotFile.Unreadable broken = assertThrows(SnapshotFile.Unreadable.class, () -> SnapshotFile.read(file));
        assertEquals(4, broken.problem().line());
        assertTrue(broken.problem().message().startsWith("not valid JSON"), broken.problem().message());
        Files.writeString(file, "{\"format\": 2}");
        broken = assertThrows(SnapshotFile.Unreadable.class, () -> SnapshotFile.read(file));
        assertTrue(broken.problem().message().contains("its format is 2, this plugin reads format 1"),
                broken.problem().message());
        assertTrue(SnapshotFile.read(folder.resolve("none.snapshot.json")).isEmpty());
    }
}
