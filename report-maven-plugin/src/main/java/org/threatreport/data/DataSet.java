package org.threatreport.data;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every table of a report's {@code data/} folder, by name.
 *
 * @param unreadable the names of the tables whose schema or data file could not be read at all (their
 *                   problems reported): what names them elsewhere is a consequence, not a mistake of its own
 */
public record DataSet(Map<String, LoadedTable> tables, java.util.Set<String> unreadable) {

    public DataSet {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        unreadable = java.util.Set.copyOf(unreadable);
    }

    public DataSet(Map<String, LoadedTable> tables) {
        this(tables, java.util.Set.of());
    }

    public Optional<LoadedTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<LoadedTable> all() {
        return tables.values();
    }
}
