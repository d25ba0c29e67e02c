package org.threatreport.data;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every table of a report's {@code data/} folder, by name: in memory, or held by an SQL engine.
 *
 * @param unreadable the names of the tables whose schema or data file could not be read at all (their
 *                   problems reported): what names them elsewhere is a consequence, not a mistake of its own
 */
public record DataSet(Map<String, DataTable> tables, java.util.Set<String> unreadable) {

    public DataSet {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        unreadable = java.util.Set.copyOf(unreadable);
    }

    public DataSet(Map<String, DataTable> tables) {
        this(tables, java.util.Set.of());
    }

    public Optional<DataTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<DataTable> all() {
        return tables.values();
    }

    /** The tables whose rows are a local CSV file (read into memory or by DuckDB), in name order. */
    public java.util.List<DataTable> withCsv() {
        return tables.values().stream().filter(t -> t.schema().csvFile().isPresent()).toList();
    }

    /** The tables whose rows are in memory (read from CSV files), by name. */
    public Map<String, LoadedTable> inMemory() {
        Map<String, LoadedTable> loaded = new TreeMap<>();
        tables.forEach((name, table) -> {
            if (table instanceof LoadedTable rows) {
                loaded.put(name, rows);
            }
        });
        return java.util.Collections.unmodifiableMap(loaded);
    }
}
