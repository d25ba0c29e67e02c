package org.threatreport.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.DataAccess;
import org.threatreport.data.ColumnSpec;
import org.threatreport.testing.Trino;
import org.threatreport.testing.TrinoCluster;

/**
 * A whole report built from tables in a real, distributed Trino (a coordinator scheduling the work on a
 * worker, two processes) is the report built from the same rows as CSV files, byte for byte
 * ({@link ReportFromDatabase}): the tables in Trino's memory catalog, and as Parquet files of its Hive
 * catalog (a data lake on the local file system, its metastore in files).
 */
@ExtendWith(TrinoCluster.class)
class TrinoReportTest {

    @TempDir
    Path folder;

    @Test
    void theReportFromTrinosMemoryIsTheReportFromCsvFiles(Trino trino) throws Exception {
        trino.execute("CREATE SCHEMA memory.report");
        ReportFromDatabase.Builds builds = ReportFromDatabase.build(folder, schema -> {
            trino.execute("CREATE TABLE memory.report." + schema.table() + " (" + columns(schema.columns()) + ")");
            trino.insert("memory.report." + schema.table(), schema.dataFile());
            return "source:\n  url: " + trino.url("memory", "report") + "\n  table: " + schema.table()
                    + "\n  server: report-trino\n";
        }, new DataAccess(Map.of("report-trino", new DataAccess.Login(Trino.USER, null)), Map.of(), false));
        ReportFromDatabase.assertSameReport(builds);
    }

    @Test
    void theReportFromParquetFilesOfTrinosHiveIsTheReportFromCsvFiles(Trino trino) throws Exception {
        trino.execute("CREATE SCHEMA hive.report");
        ReportFromDatabase.Builds builds = ReportFromDatabase.build(folder, schema -> {
            trino.execute("CREATE SCHEMA IF NOT EXISTS memory.staging");
            trino.execute("CREATE TABLE memory.staging." + schema.table() + " (" + columns(schema.columns()) + ")");
            trino.insert("memory.staging." + schema.table(), schema.dataFile());
            trino.execute("CREATE TABLE hive.report." + schema.table() + " WITH (format = 'PARQUET') AS SELECT * FROM"
                    + " memory.staging." + schema.table());
            return "source:\n  url: " + trino.url("hive", "report") + "\n  query: SELECT * FROM " + schema.table()
                    + "\n  user-variable: REPORT_TRINO_USER\n";
        }, new DataAccess(Map.of(), Map.of("REPORT_TRINO_USER", Trino.USER), false));
        ReportFromDatabase.assertSameReport(builds);
    }

    private static String columns(java.util.List<ColumnSpec> columns) {
        return columns.stream().map(c -> '"' + c.name() + "\" " + sqlType(c)).collect(Collectors.joining(", "));
    }

    /** A column as a warehouse types it: numbers, booleans and full dates typed; the rest text. */
    private static String sqlType(ColumnSpec column) {
        return switch (column.type()) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DECIMAL(12, 2)";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> column.partial() ? "VARCHAR" : "DATE";
            default -> "VARCHAR";
        };
    }
}
