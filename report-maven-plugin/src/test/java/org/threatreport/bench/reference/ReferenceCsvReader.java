package org.threatreport.bench.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;
import tech.tablesaw.api.Table;

/**
 * The reader as it was before the byte-level rewrite, kept as the oracle of ReaderEquivalenceTest.
 *
 * <p>
 * Reads a table's CSV file strictly against its schema: every cell is parsed as the schema's type
 * says, and every mistake of the file is reported together with its line and column.
 */
public final class ReferenceCsvReader {

    private final Schema schema;
    private final OptionalInt reportYear;
    private final Problems problems = new Problems();
    private final Path file;

    private ReferenceCsvReader(Schema schema, OptionalInt reportYear) {
        this.schema = schema;
        this.reportYear = reportYear;
        this.file = schema.dataFile();
    }

    /**
     * @param reportYear the year the report covers; dates outside it are errors (empty: any date)
     */
    public static LoadedTable read(Schema schema, OptionalInt reportYear) throws InputException {
        ReferenceCsvReader reader = new ReferenceCsvReader(schema, reportYear);
        LoadedTable table = reader.read();
        reader.problems.throwIfAny();
        return table;
    }

    /**
     * Like {@link #read}, but keeps going past wrong rows, for checks that report every problem of
     * every file: each wrong cell is left empty and each row with the wrong number of fields is left
     * out. Adds every problem to {@code into}.
     *
     * @return the table, or null when the file cannot be read at all (missing, undecodable, wrong header)
     */
    public static LoadedTable readLeniently(Schema schema, OptionalInt reportYear, List<Problem> into) {
        ReferenceCsvReader reader = new ReferenceCsvReader(schema, reportYear);
        try {
            LoadedTable table = reader.read();
            into.addAll(reader.problems.list());
            return table;
        } catch (InputException e) {
            into.addAll(e.problems());
            return null;
        }
    }

    /** The table; problems of rows and cells are left in {@link #problems}, those of the file thrown. */
    private LoadedTable read() throws InputException {
        String text = decode(readBytes());
        CsvRecords records = new CsvRecords(text);
        CsvRecords.CsvRecord header = records.next();
        if (header == null) {
            throw InputException.of(Problem.error(file, 1, 1, "the file is empty; expected a header row: "
                    + String.join(",", schema.columnNames())));
        }
        int[] columnOfField = mapHeader(header);
        problems.throwIfAny();
        List<ColumnBuilder> builders = schema.columns().stream()
                .map(c -> new ColumnBuilder(c, reportYear)).toList();
        Map<String, Integer> idLines = new HashMap<>();
        int idIndex = schema.idColumn() == null ? -1 : schema.columnNames().indexOf(schema.idColumn());
        for (CsvRecords.CsvRecord record = records.next(); record != null; record = records.next()) {
            if (record.fields().size() != header.fields().size()) {
                problems.error(file, record.line(), 1, "this row has " + record.fields().size()
                        + " fields, the header has " + header.fields().size()
                        + " (a missing comma, or a comma inside a value that is not quoted?)");
                continue;
            }
            for (int field = 0; field < columnOfField.length; field++) {
                int column = columnOfField[field];
                String error = builders.get(column).append(record.fields().get(field).strip());
                if (error != null) {
                    problems.error(file, record.line(), record.columns()[field], error);
                }
            }
            if (idIndex >= 0) {
                checkUniqueId(record, idLines, fieldOf(columnOfField, idIndex));
            }
        }
        if (records.unclosedQuote() != null) {
            CsvRecords.UnclosedQuote quote = records.unclosedQuote();
            problems.error(file, quote.line(), quote.column(),
                    "a quoted value starts here but its closing '\"' is missing");
        }
        return build(builders);
    }

    private byte[] readBytes() throws InputException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputException.of(Problem.error(schema.schemaFile(), "the data file "
                    + file.getFileName() + " described by this schema does not exist"));
        } catch (IOException e) {
            throw InputException.of(Problem.error(file, "cannot be read: " + e.getMessage()));
        }
    }

    private String decode(byte[] bytes) throws InputException {
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return schema.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(input).toString();
        } catch (MalformedInputException e) {
            throw InputException.of(encodingProblem(bytes, skip));
        } catch (CharacterCodingException e) {
            throw InputException.of(encodingProblem(bytes, skip));
        }
    }

    private Problem encodingProblem(byte[] bytes, int skip) {
        int bad = firstUndecodable(bytes, skip, schema.encoding());
        int line = 1;
        int lineStart = skip;
        for (int i = skip; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String hint = looksLike(bytes, skip, Charset.forName("GB18030"))
                ? " It looks like GBK/GB18030 (as saved by a Chinese Excel): save it as \"CSV UTF-8\","
                + " or declare 'encoding: GBK' in " + schema.schemaFile().getFileName() + "."
                : " Save it as UTF-8, or declare its encoding in " + schema.schemaFile().getFileName() + ".";
        return Problem.error(file, line, bad - lineStart + 1,
                "this file is not valid " + schema.encoding().name() + " (byte " + (bad + 1) + ")." + hint);
    }

    private static int firstUndecodable(byte[] bytes, int from, Charset charset) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private static boolean looksLike(byte[] bytes, int from, Charset charset) {
        return firstUndecodable(bytes, from, charset) == bytes.length;
    }

    /** For each header field, the index of its schema column; reports unknown and missing columns. */
    private int[] mapHeader(CsvRecords.CsvRecord header) {
        List<String> names = schema.columnNames();
        int[] columnOfField = new int[header.fields().size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            columnOfField[i] = names.indexOf(name);
            if (columnOfField[i] < 0) {
                problems.error(file, header.line(), header.columns()[i], "the header has a column '" + name
                        + "' that " + schema.schemaFile().getFileName() + " does not describe"
                        + Suggestions.didYouMean(name, names));
            } else if (seen.contains(name)) {
                problems.error(file, header.line(), header.columns()[i], "the header has column '" + name + "' twice");
            }
            seen.add(name);
        }
        for (String name : names) {
            if (!seen.contains(name)) {
                problems.error(file, header.line(), 1, "the header lacks column '" + name + "' of "
                        + schema.schemaFile().getFileName() + "; expected: " + String.join(",", names));
            }
        }
        return columnOfField;
    }

    private static int fieldOf(int[] columnOfField, int column) {
        for (int i = 0; i < columnOfField.length; i++) {
            if (columnOfField[i] == column) {
                return i;
            }
        }
        return -1;
    }

    private void checkUniqueId(CsvRecords.CsvRecord record, Map<String, Integer> idLines, int field) {
        String id = record.fields().get(field).strip();
        if (id.isEmpty()) {
            return;
        }
        Integer first = idLines.putIfAbsent(id, record.line());
        if (first != null) {
            problems.error(file, record.line(), record.columns()[field],
                    "duplicate " + schema.idColumn() + " '" + id + "'; first used on line " + first);
        }
    }

    private LoadedTable build(List<ColumnBuilder> builders) {
        Table table = Table.create(schema.table());
        Map<String, int[]> categoryCodes = new HashMap<>();
        Map<String, int[][]> multiCodes = new HashMap<>();
        Map<String, int[]> monthCodes = new HashMap<>();
        for (ColumnBuilder builder : builders) {
            table.addColumns(builder.column());
            String name = builder.spec().name();
            switch (builder.spec().type()) {
                case CATEGORY -> categoryCodes.put(name, builder.codes());
                case MULTI_CATEGORY -> multiCodes.put(name, builder.multiCodes());
                case DATE, YEAR_MONTH -> monthCodes.put(name, builder.codes());
                default -> { }
            }
        }
        return new LoadedTable(schema, table, categoryCodes, multiCodes, monthCodes);
    }
}
