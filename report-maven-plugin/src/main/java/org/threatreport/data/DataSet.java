package org.threatreport.data;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every table of a report's {@code data/} folder, by name. */
public record DataSet(Map<String, LoadedTable> tables) {

    public DataSet {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    public Optional<LoadedTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<LoadedTable> all() {
        return tables.values();
    }
}
