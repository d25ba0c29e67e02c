package org.threatreport.data;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's codebook, read from {@code <table>.schema.yaml}.
 *
 * @param table      the name templates and cells use for the table
 * @param schemaFile where the schema was read from
 * @param dataFile   the CSV file it describes
 * @param encoding   the CSV file's character encoding
 * @param idColumn   the column whose values must be unique, or null
 * @param periodColumn   the date or year-month column that places each row in a year (the schema's
 *                       {@code period}, else its first such column), or null: then every row is in every
 *                       year
 * @param reportYearOnly whether a date outside the report's year is an error ({@code other-years: error});
 *                       otherwise a table holds rows of any year and a report reads the other years
 *                       explicitly ({@code incidents.year(2016)})
 * @param source         where the rows are: the CSV file {@code dataFile} read into memory, a file DuckDB reads,
 *                       or a database (then {@code dataFile} is the schema file, where its problems are reported)
 */
public record Schema(String table, Path schemaFile, Path dataFile, Charset encoding, String idColumn,
                     Map<String, String> labels, List<ColumnSpec> columns, String periodColumn,
                     boolean reportYearOnly, TableSource source) {

    public Schema {
        labels = Map.copyOf(labels);
        columns = List.copyOf(columns);
        java.util.Objects.requireNonNull(source, "source");
        if (periodColumn != null && columns.stream().noneMatch(c -> c.name().equals(periodColumn)
                && c.type().isTemporal())) {
            throw new IllegalArgumentException("period column '" + periodColumn + "' is not a date column of " + table);
        }
    }

    /** The schema of a CSV file read into memory. */
    public Schema(String table, Path schemaFile, Path dataFile, Charset encoding, String idColumn,
                  Map<String, String> labels, List<ColumnSpec> columns, String periodColumn, boolean reportYearOnly) {
        this(table, schemaFile, dataFile, encoding, idColumn, labels, columns, periodColumn, reportYearOnly,
                new TableSource.CsvFile(dataFile));
    }

    /** Whether the rows are read into memory (a CSV file), rather than counted by an SQL engine. */
    public boolean inMemory() {
        return source instanceof TableSource.CsvFile;
    }

    /**
     * The local CSV file holding the rows, read into memory or by DuckDB: what the site offers as the table's
     * download and the notebooks read. Empty for Parquet and for a database, whose rows the site never copies.
     */
    public java.util.Optional<Path> csvFile() {
        if (source instanceof TableSource.CsvFile csv) {
            return java.util.Optional.of(csv.file());
        }
        if (source instanceof TableSource.EngineFile file && file.format() == TableSource.EngineFile.Format.CSV) {
            return java.util.Optional.of(file.file());
        }
        return java.util.Optional.empty();
    }

    /** A schema whose period is its first date or year-month column, holding rows of any year. */
    public Schema(String table, Path schemaFile, Path dataFile, Charset encoding, String idColumn,
                  Map<String, String> labels, List<ColumnSpec> columns) {
        this(table, schemaFile, dataFile, encoding, idColumn, labels, columns, firstTemporal(columns), false);
    }

    /** The first date or year-month column, or null. */
    public static String firstTemporal(List<ColumnSpec> columns) {
        return columns.stream().filter(c -> c.type().isTemporal()).map(ColumnSpec::name).findFirst().orElse(null);
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }
}
