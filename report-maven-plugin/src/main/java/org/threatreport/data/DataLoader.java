package org.threatreport.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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

    public static DataSet load(Path dataDir, OptionalInt reportYear) throws InputException {
        List<Path> schemaFiles = schemaFiles(dataDir);
        Problems problems = new Problems();
        Map<String, LoadedTable> tables = new HashMap<>();
        for (Path schemaFile : schemaFiles) {
            try {
                Schema schema = SchemaReader.read(schemaFile);
                LoadedTable previous = tables.get(schema.table());
                if (previous != null) {
                    problems.error(schemaFile, 1, 1, "table '" + schema.table() + "' is already described by "
                            + previous.schema().schemaFile().getFileName());
                    continue;
                }
                tables.put(schema.table(), CsvTableReader.read(schema, reportYear));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        problems.throwIfAny();
        return new DataSet(tables);
    }

    /**
     * Like {@link #load}, but keeps going past mistakes, for checks that report every problem of every
     * file: returns every table that could be read (wrong cells left empty, see
     * {@link CsvTableReader#readLeniently}) and adds every problem to {@code into}.
     */
    public static DataSet loadLeniently(Path dataDir, OptionalInt reportYear, List<Problem> into) {
        Map<String, LoadedTable> tables = new HashMap<>();
        List<Path> schemaFiles;
        try {
            schemaFiles = schemaFiles(dataDir);
        } catch (InputException e) {
            into.addAll(e.problems());
            return new DataSet(tables);
        }
        Map<String, Path> described = new HashMap<>();
        for (Path schemaFile : schemaFiles) {
            try {
                Schema schema = SchemaReader.read(schemaFile);
                Path previous = described.putIfAbsent(schema.table(), schemaFile);
                if (previous != null) {
                    into.add(Problem.error(schemaFile, 1, 1, "table '" + schema.table() + "' is already described by "
                            + previous.getFileName()));
                    continue;
                }
                LoadedTable table = CsvTableReader.readLeniently(schema, reportYear, into);
                if (table != null) {
                    tables.put(schema.table(), table);
                }
            } catch (InputException e) {
                into.addAll(e.problems());
            }
        }
        return new DataSet(tables);
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
