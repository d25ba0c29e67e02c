package org.threatreport.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;

/**
 * Reads every {@code *.schema.yaml} of a data folder and the CSV file each describes, reporting the
 * problems of all files together.
 */
public final class DataLoader {

    private DataLoader() {
    }

    /**
     * Reads every table of {@code dataDir}, reporting the problems of every file to {@code problems};
     * returns the tables that could be read (a wrong cell left empty, see {@link CsvTableReader#read}).
     *
     * @param reportYear the year the report covers; dates outside it are errors (empty: any date)
     */
    public static DataSet load(Path dataDir, OptionalInt reportYear, Problems problems) {
        return load(dataDir, problems, schemaFile -> table(schemaFile, reportYear, problems));
    }

    /**
     * Like {@link #load(Path, OptionalInt, Problems)}, with each table read by {@code reader} (given its
     * schema file), so that a build that keeps tables between runs reads only those whose files changed.
     */
    public static DataSet load(Path dataDir, Problems problems, Function<Path, ? extends DataTable> reader) {
        List<DataTable> tables = new ArrayList<>();
        java.util.Set<String> unreadable = new java.util.TreeSet<>();
        for (Path schemaFile : schemaFiles(dataDir, problems)) {
            DataTable table = reader.apply(schemaFile);
            if (table != null) {
                tables.add(table);
            } else {
                unreadable.add(SchemaReader.tableName(schemaFile));
            }
        }
        return new DataSet(collect(tables, problems).tables(), unreadable);
    }

    /** The tables as one data set; a second table of the same name is a problem. */
    public static DataSet collect(List<? extends DataTable> tables, Problems problems) {
        Map<String, DataTable> byName = new HashMap<>();
        for (DataTable table : tables) {
            DataTable previous = byName.putIfAbsent(table.name(), table);
            if (previous != null) {
                problems.error(table.schema().schemaFile(), 1, 1, "table '" + table.name() + "' is already described by "
                        + previous.schema().schemaFile().getFileName());
            }
        }
        return new DataSet(byName);
    }

    /** The schema files of {@code dataDir}, in name order; none when it has none (a problem). */
    public static List<Path> schemaFiles(Path dataDir, Problems problems) {
        try {
            return schemaFiles(dataDir);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    /** One table: its schema, then its CSV file; null when either cannot be read (problems reported). */
    public static LoadedTable table(Path schemaFile, OptionalInt reportYear, Problems problems) {
        try {
            return CsvTableReader.read(SchemaReader.read(schemaFile), reportYear, problems);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static List<Path> schemaFiles(Path dataDir) throws InputException {
        if (!Files.isDirectory(dataDir)) {
            throw InputException.of(Problem.error(dataDir, "the data folder does not exist; it holds each table"
                    + " as <table>.csv with its codebook <table>" + SchemaReader.SUFFIX));
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> found = new ArrayList<>(files
                    .filter(f -> f.getFileName().toString().endsWith(SchemaReader.SUFFIX)).sorted().toList());
            if (found.isEmpty()) {
                throw InputException.of(Problem.error(dataDir, "no table here: each table needs a codebook"
                        + " <table>" + SchemaReader.SUFFIX + " beside its CSV file"));
            }
            return found;
        } catch (IOException e) {
            throw InputException.of(Problem.error(dataDir, "cannot be listed: " + e.getMessage()));
        }
    }
}
