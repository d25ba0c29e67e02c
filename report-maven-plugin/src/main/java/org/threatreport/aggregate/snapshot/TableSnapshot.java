package org.threatreport.aggregate.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.threatreport.aggregate.query.Query;
import org.threatreport.aggregate.query.QueryResult;
import org.threatreport.data.Schema;
import org.threatreport.data.SqlTable;
import org.threatreport.data.TableSource;
import org.threatreport.data.sql.SqlColumn;

/**
 * What one build read of a table an SQL engine holds: where from, when, how long it took, its rows, and
 * every query the report asked of it with the answer. Immutable; written and read by {@link SnapshotFile}.
 *
 * @param table      the table's name
 * @param source     where the rows are, as the schema names it: {@code engine} and {@code url} with
 *                   {@code table} or {@code query}, or {@code file} and its {@code format}; never a credential
 * @param columns    the schema's columns as the source holds them (its names and types there), by the
 *                   schema's name: what the SQL of the table is written with
 * @param readAt     when the rows were read (UTC)
 * @param reading    how long opening the table, checking its codebook and counting its rows took
 * @param answering  how long the engine took to answer the report's queries, summed over them
 * @param rows       the rows of every year
 * @param rowsByYear the rows of each year the table has, by its period column
 * @param answers    every query asked and its answer, by {@link QueryJson#key the query's text}
 */
public record TableSnapshot(String table, SortedMap<String, String> source, SortedMap<String, SqlColumn> columns,
                            Instant readAt, Duration reading,
                            Duration answering, long rows, SortedMap<Integer, Long> rowsByYear,
                            SortedMap<String, Answer> answers) {

    /** The name of a table's snapshot beside its schema: {@code incidents.schema.yaml} → {@code incidents.snapshot.json}. */
    public static final String SUFFIX = ".snapshot.json";

    /**
     * One query and what the engine returned for it.
     *
     * @param query the query's JSON
     */
    public record Answer(JsonNode query, long base, List<QueryResult.Row> rows) {
        public Answer {
            rows = List.copyOf(rows);
        }
    }

    public TableSnapshot {
        source = Collections.unmodifiableSortedMap(new TreeMap<>(source));
        columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
        rowsByYear = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByYear));
        answers = Collections.unmodifiableSortedMap(new TreeMap<>(answers));
    }

    /** A table's snapshot file: beside its schema, named after it. */
    public static Path file(Schema schema) {
        String name = schema.schemaFile().getFileName().toString();
        String base = name.endsWith(".schema.yaml") ? name.substring(0, name.length() - ".schema.yaml".length())
                : schema.table();
        return schema.schemaFile().resolveSibling(base + SUFFIX);
    }

    /** Where a table's rows are, as a snapshot records it. */
    public static SortedMap<String, String> source(TableSource source) {
        SortedMap<String, String> described = new TreeMap<>();
        if (source instanceof TableSource.Database database) {
            described.put("engine", database.engine());
            described.put("url", database.url());
            if (database.table() != null) {
                described.put("table", database.table());
            } else {
                described.put("query", database.query().strip());
            }
        } else if (source instanceof TableSource.EngineFile file) {
            described.put("engine", "duckdb");
            described.put("file", file.describe());
            described.put("format", file.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        } else {
            throw new IllegalArgumentException("a CSV file read into memory has no snapshot");
        }
        return described;
    }

    /** A snapshot of {@code table} as read, with these answers. */
    public static TableSnapshot of(SqlTable table, SortedMap<String, Answer> answers, Duration answering) {
        return new TableSnapshot(table.name(), source(table.schema().source()), new TreeMap<>(table.source().columns()),
                table.readAt(), table.reading(),
                answering, table.rows(), table.rowsByYear(), answers);
    }

    /** The recorded answer to {@code query} (whatever its min-n), if the snapshot has one. */
    public Optional<QueryResult> answer(Query query) {
        Answer answer = answers.get(QueryJson.key(QueryJson.of(query)));
        return answer == null ? Optional.empty() : Optional.of(new QueryResult(query, answer.base(), answer.rows()));
    }

    /** The rows of {@code year}, or empty when the table has none of it (or no period column). */
    public Optional<Long> rowsOf(int year) {
        return Optional.ofNullable(rowsByYear.get(year));
    }

    /**
     * Whether {@code other} read the same: the same source, rows and answers — when and how fast aside. A build
     * that reads what the snapshot holds keeps the snapshot, its time included, so that its pages are the same.
     */
    public boolean sameReadAs(TableSnapshot other) {
        return other != null && java.util.Arrays.equals(SnapshotFile.bytes(timeless()), SnapshotFile.bytes(other.timeless()));
    }

    private TableSnapshot timeless() {
        return new TableSnapshot(table, source, columns, Instant.EPOCH, Duration.ZERO, Duration.ZERO, rows, rowsByYear, answers);
    }
}
