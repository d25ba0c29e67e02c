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
 */
public record Schema(String table, Path schemaFile, Path dataFile, Charset encoding, String idColumn,
                     Map<String, String> labels, List<ColumnSpec> columns) {

    public Schema {
        labels = Map.copyOf(labels);
        columns = List.copyOf(columns);
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }
}
