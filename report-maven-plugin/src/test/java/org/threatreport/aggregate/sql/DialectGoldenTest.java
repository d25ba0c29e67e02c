package org.threatreport.aggregate.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.data.sql.SqlColumn;
import org.threatreport.data.sql.SqlDialect;
import org.threatreport.data.sql.SqlSource;

/**
 * The SQL each engine family is sent, for every kind of question the chapters ask — counts per value and
 * per group of a category and of a multi-category column, per month and year of partial dates, bins, a cross
 * table, filters of every kind, an exclusion, a sum, a mean and a percentile — compared with
 * {@code sql/<engine>.sql}. The statements of DuckDB, PostgreSQL and Trino also run in tests against the
 * engines themselves; these files are what stands for ClickHouse and Spark SQL, and show every dialect's
 * change in review. Rewrite them with {@code -Dgolden.update=true}, then read the diff.
 */
class DialectGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path EXPECTED = Path.of("src/test/resources/sql");

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"clickhouse", "hive2", "trino", "postgresql", "duckdb"})
    void eachEngineIsSentTheSqlOfItsGoldenFile(String engine) throws Exception {
        SqlDialect dialect = SqlDialect.forEngine(engine);
        Files.writeString(folder.resolve("events.schema.yaml"), "file: events.csv\n" + MixedTable.SCHEMA);
        Schema schema = SchemaReader.read(folder.resolve("events.schema.yaml"));
        SqlSource source = new SqlSource(dialect, dialect.table("soc.events"), columns(), null,
                "jdbc:" + engine + "://warehouse.example.org/soc (table soc.events)", "soc.events");
        QuerySql sql = new QuerySql(schema, source);
        StringBuilder text = new StringBuilder("-- The SQL sent to " + dialect.name() + " for each question (DialectGoldenTest)\n");
        for (Map.Entry<String, Query> question : questions().entrySet()) {
            Query query = question.getValue();
            text.append("\n-- ").append(question.getKey()).append('\n').append(sql.base(query)).append(";\n");
            if (!query.groupings().isEmpty() || query.measure().column() != null) {
                text.append(sql.grouped(query)).append(";\n");
            }
            if (query.measure() instanceof Measure.Percentile) {
                text.append(sql.ranks(query)).append(";\n");
            }
        }
        compare(EXPECTED.resolve(engine + ".sql"), text.toString());
    }

    /** The events table as a warehouse holds it: dates known only to the month or year are text. */
    private static Map<String, SqlColumn> columns() {
        Map<String, SqlColumn> columns = new LinkedHashMap<>();
        columns.put("id", new SqlColumn("id", "id", SqlColumn.Storage.TEXT, "varchar"));
        columns.put("day", new SqlColumn("day", "day", SqlColumn.Storage.TEXT, "varchar"));
        columns.put("sector", new SqlColumn("sector", "Sector", SqlColumn.Storage.TEXT, "varchar"));
        columns.put("tactics", new SqlColumn("tactics", "tactics", SqlColumn.Storage.TEXT, "varchar"));
        columns.put("records", new SqlColumn("records", "records", SqlColumn.Storage.INTEGER, "bigint"));
        columns.put("cost", new SqlColumn("cost", "cost", SqlColumn.Storage.DECIMAL, "decimal(12,2)"));
        columns.put("paid", new SqlColumn("paid", "paid", SqlColumn.Storage.BOOLEAN, "boolean"));
        columns.put("note", new SqlColumn("note", "note", SqlColumn.Storage.TEXT, "varchar"));
        return columns;
    }

    private static Map<String, Query> questions() {
        Query all = Query.of("events");
        Query year = all.in(Period.year("day", 2017));
        Map<String, Query> questions = new LinkedHashMap<>();
        questions.put("rows of the report's year", year);
        questions.put("per value of a category", year.by(new Grouping.Values("sector")));
        questions.put("per group of a category", year.by(new Grouping.Groups("sector")));
        questions.put("per value of a multi-category column", year.by(new Grouping.Values("tactics")));
        questions.put("per group of a multi-category column", year.by(new Grouping.Groups("tactics")));
        questions.put("per month of a partial date", year.by(new Grouping.Months("day")));
        questions.put("per year, over every year", all.by(new Grouping.Years("day")));
        questions.put("in bins of a number", year.by(new Grouping.Bins("records",
                List.of(BigDecimal.ZERO, new BigDecimal("100.5"), BigDecimal.valueOf(1000)))));
        questions.put("a cross table", year.by(new Grouping.Values("sector")).by(new Grouping.Values("tactics")));
        questions.put("filtered to a group, and not to values of a multi-category column",
                year.where(new Filter.And(List.of(new Filter.In("sector", List.of("Finance")),
                        new Filter.Not(new Filter.In("tactics", List.of("Phishing", "Malware")))))));
        questions.put("filtered to a range of months", all.where(new Filter.Range("day", "2016-03", "2017-06")));
        questions.put("filtered by numbers and a boolean", year.where(new Filter.And(List.of(
                new Filter.Range("records", "10.5", "500"), new Filter.In("cost", List.of("12.50")),
                new Filter.In("paid", List.of("true"))))));
        questions.put("an exclusion", year.excluding(new Exclusion("sector", List.of("Unknown"))).by(new Grouping.Values("sector")));
        questions.put("a sum per group", year.by(new Grouping.Groups("sector")).measuring(new Measure.Sum("cost")));
        questions.put("a mean per year", all.by(new Grouping.Years("day")).measuring(new Measure.Mean("records")));
        questions.put("a median per value", year.by(new Grouping.Values("sector")).measuring(Measure.median("records")));
        questions.put("the 90th percentile", year.measuring(new Measure.Percentile("cost", new BigDecimal("90"))));
        return questions;
    }

    private static void compare(Path expectedFile, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual,
                expectedFile + " differs; if the change is intended, run with -Dgolden.update=true and review the diff");
    }
}
