package org.threatreport.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.concurrent.Future;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;
import tech.tablesaw.columns.Column;

/**
 * Reads a table's CSV file strictly against its schema: every cell is parsed as the schema's type
 * says, and every mistake of the file is reported together with its line and column.
 *
 * <p>The file is parsed from its bytes (a file in another encoding than UTF-8 is first converted to
 * UTF-8), in chunks of about {@value #CHUNK_BYTES} bytes on every core; the results, and the order of
 * the problems, are those of reading the file line by line. The system properties
 * {@code threatreport.data.chunkBytes} and {@code threatreport.data.threads} change the chunk size
 * and the number of threads (for tests and measurements).
 */
public final class CsvTableReader {

    static final int CHUNK_BYTES = 4 << 20;

    private final Schema schema;
    private final OptionalInt reportYear;
    private final Problems problems = new Problems();
    private final Path file;
    private final int chunkBytes = Math.max(1, Integer.getInteger("threatreport.data.chunkBytes", CHUNK_BYTES));
    /** How far a window first reaches past its chunk, for the record that runs over; grows as needed. */
    private final int margin = Math.min(1 << 16, Math.max(2, chunkBytes));
    private final int threads = Math.max(1, Integer.getInteger("threatreport.data.threads",
            Runtime.getRuntime().availableProcessors()));

    private CsvTableReader(Schema schema, OptionalInt reportYear) {
        this.schema = schema;
        this.reportYear = reportYear;
        this.file = schema.dataFile();
    }

    /**
     * Reads the table, reporting every problem of the file, its rows and its cells to {@code problems}:
     * a wrong cell is left empty and a row with the wrong number of fields is left out, so that a check
     * can go on with what could be read.
     *
     * @param reportYear the year the report covers: its months are tallied while reading; dates outside it
     *                   are errors when the schema says {@code other-years: error} (empty: any date)
     * @return the table, or null when the file cannot be read at all (missing, undecodable, wrong header)
     */
    public static LoadedTable read(Schema schema, OptionalInt reportYear, Problems problems) {
        CsvTableReader reader = new CsvTableReader(schema, reportYear);
        try {
            LoadedTable table = reader.read();
            problems.addAll(reader.problems);
            return table;
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The table; problems of rows and cells are left in {@link #problems}, those of the file thrown. */
    private LoadedTable read() throws InputException {
        try (Source source = open()) {
            return read(source);
        } catch (IOException e) {
            throw InputException.of(Problem.error(file, "cannot be read: " + e.getMessage()));
        }
    }

    private LoadedTable read(Source source) throws InputException, IOException {
        CsvChunk head = header(source);
        if (head == null) {
            checkEncoding(source);
            throw InputException.of(Problem.error(file, 1, 1, "the file is empty; expected a header row: "
                    + String.join(",", schema.columnNames())));
        }
        int headerLine = 1 + head.fields().line;
        int[] columnOfField = mapHeader(head, headerLine);
        if (!problems.isEmpty()) {
            checkEncoding(source);
            problems.throwIfAny();
        }
        int idColumn = schema.idColumn() == null ? -1 : schema.columnNames().indexOf(schema.idColumn());
        int idField = idColumn < 0 ? -1 : fieldOf(columnOfField, idColumn);
        ColumnCells.Shared[] shared = schema.columns().stream()
                .map(c -> c.type().isCategorical() ? new ColumnCells.Shared(c) : null).toArray(ColumnCells.Shared[]::new);
        long bodyStart = head.next();
        int bodyLine = 1 + head.lines;
        long[] bounds = bounds(bodyStart, source.size(), chunkBytes);
        int count = bounds.length - 1;
        int workers = count > 1 ? Math.min(threads, count) : 1;
        long expectedRows = (source.size() - bodyStart) / head.bytesPerRecord();
        Parsing parsing = new Parsing(source, shared, columnOfField, idColumn, idField,
                (int) Math.min(Integer.MAX_VALUE - 64, expectedRows / workers + expectedRows / 16 + 64));

        ExecutorService pool = null;
        try {
            if (workers > 1) {
                parsing.pooled = true;
                pool = Executors.newFixedThreadPool(workers, r -> {
                    Thread t = new Thread(r, "csv-reader");
                    t.setDaemon(true);
                    return t;
                });
            }
            List<Callable<CsvChunk>> parses = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                int chunk = k;
                parses.add(() -> parsing.guess(bounds, chunk));
            }
            List<CsvChunk> guessed = run(pool, parses);
            List<CsvChunk> chunks = new ArrayList<>();
            int[] baseLines = chain(guessed, parsing, bodyStart, bodyLine, chunks);
            if (head.malformedHeader || chunks.stream().anyMatch(c -> c.malformed)) {
                throw InputException.of(encodingProblem(source));
            }
            Merged merged = new Merged(schema, chunks, baseLines, idColumn);
            // Each column's codes, and the texts as Strings (duplicate ids are found among them); the
            // Tablesaw columns are made only when the table is asked for (see LoadedTable).
            List<Callable<Supplier<Column<?>>>> first = new ArrayList<>();
            for (int c = 0; c < schema.columns().size(); c++) {
                int column = c;
                first.add(() -> merged.firstPass(column));
            }
            List<Supplier<Column<?>>> built = new ArrayList<>(run(pool, first));
            if (merged.malformed()) {
                throw InputException.of(encodingProblem(source));
            }
            for (CsvChunk.RowError e : rowProblems(merged, columnOfField.length)) {
                problems.error(file, e.line(), e.column(), e.message());
            }
            CsvChunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (last != null && last.unclosed) {
                problems.error(file, baseLines[chunks.size() - 1] + last.unclosedLine, last.unclosedColumn,
                        "a quoted value starts here but its closing '\"' is missing");
            }
            if (!problems.isEmpty()) {
                // Rows that were left out unread may hold the bytes that make the file undecodable.
                checkEncoding(source);
            }
            if (last == null || !last.unclosed) {
                warnIfCutShort(source, bodyStart); // an unclosed quote is already the error of a cut-short row
            }
            return merged.table(built.subList(0, schema.columns().size()), reportYear);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }


    /**
     * A file whose last row does not end with a line break may have been cut short inside that row (a
     * copy or an export that stopped): the row reads as whole, with a truncated last value. Said as a
     * warning at that row, since many tools also write whole files that way.
     */
    private void warnIfCutShort(Source source, long bodyStart) throws IOException {
        long size = source.size();
        byte[] last = new byte[1];
        if (size <= bodyStart || source.read(size - 1, last, 1) != 1 || last[0] == '\n' || last[0] == '\r') {
            return;
        }
        int line = 1;
        byte[] buffer = new byte[1 << 16];
        for (long at = source.start(); at < size; ) {
            int read = source.read(at, buffer, (int) Math.min(buffer.length, size - at));
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    line++;
                }
            }
            at += read;
        }
        problems.add(new Problem(file, line, 0, Problem.Severity.WARNING, "the file does not end with a line break:"
                + " if it was cut short, this last row is incomplete; end the file with a line break once it is whole"));
    }

    /** The header record, read from a window that grows until the record fits; null if the file has none. */
    private CsvChunk header(Source source) throws IOException {
        for (int window = margin; ; window *= 4) {
            Window w = source.window(source.start(), window);
            CsvChunk head = new CsvChunk(w.bytes, w.fill, w.eof, w.base, 0, w.fill);
            boolean found = head.nextRecord(w.fill);
            if (head.truncated() && !w.eof) {
                continue;
            }
            if (!found) {
                return null;
            }
            return head;
        }
    }

    /** How the chunks of the body are read and parsed, by whichever thread; each thread appends to its own rows. */
    private final class Parsing {
        private final Source source;
        private final ColumnCells.Shared[] shared;
        private final int[] columnOfField;
        private final int idColumn;
        private final int idField;
        private final int capacity;
        private final Map<Thread, CsvChunk.Rows> stores = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread reading = Thread.currentThread();
        private boolean pooled;

        Parsing(Source source, ColumnCells.Shared[] shared, int[] columnOfField, int idColumn, int idField, int capacity) {
            this.source = source;
            this.shared = shared;
            this.columnOfField = columnOfField;
            this.idColumn = idColumn;
            this.idField = idField;
            this.capacity = capacity;
        }

        /**
         * Chunk {@code k}: the records starting after the first line feed at or after {@code bounds[k]}
         * (for the first chunk: at {@code bounds[0]}) and before the first line feed at or after
         * {@code bounds[k + 1]} (the last chunk: to the end).
         */
        CsvChunk guess(long[] bounds, int k) throws IOException {
            boolean first = k == 0;
            boolean lastChunk = k == bounds.length - 2;
            for (int over = margin; ; over *= 4) {
                long base = bounds[k];
                Window w = source.window(base, bounds[k + 1] - base + over);
                int start = first ? 0 : afterLineFeed(w, 0);
                int end = lastChunk ? w.fill : afterLineFeed(w, (int) (bounds[k + 1] - base));
                if (start < 0 || end < 0) {
                    continue;
                }
                CsvChunk chunk = parse(w, Math.min(start, end), end);
                if (!chunk.truncated()) {
                    return chunk;
                }
            }
        }

        /** The records starting in {@code [from, to)} of the file, {@code from} being a record's start. */
        CsvChunk exact(long from, long to) throws IOException {
            for (int over = margin; ; over *= 4) {
                Window w = source.window(from, to - from + over);
                CsvChunk chunk = parse(w, 0, (int) (to - from));
                if (!chunk.truncated()) {
                    return chunk;
                }
            }
        }

        private CsvChunk parse(Window w, int start, int end) {
            // The reading thread itself only parses again the rare chunk whose start was guessed wrong.
            int rows = pooled && Thread.currentThread() == reading ? Math.max(64, capacity / 16) : capacity;
            CsvChunk.Rows store = stores.computeIfAbsent(Thread.currentThread(),
                    t -> new CsvChunk.Rows(schema.columns(), shared, reportYear, schema.reportYearOnly(), idColumn, rows));
            CsvChunk chunk = new CsvChunk(w.bytes, w.fill, w.eof, w.base, start, end);
            chunk.parseRows(store, columnOfField, idField);
            chunk.release();
            source.recycle(w);
            return chunk;
        }
    }

    /** The index after the first line feed at or after {@code from}; the fill at the file's end; -1 if the window is too small. */
    private static int afterLineFeed(Window w, int from) {
        for (int i = from; i < w.fill - 1; i++) {
            if (w.bytes[i] == '\n') {
                return i + 1;
            }
        }
        return w.eof ? w.fill : -1;
    }

    /**
     * Keeps the chunks whose guessed start was right, parses the others again from where the chunk
     * before really ended, and stops after an unclosed quote. Returns each kept chunk's first line.
     */
    private int[] chain(List<CsvChunk> guessed, Parsing rows, long bodyStart, int bodyLine, List<CsvChunk> chunks)
            throws IOException {
        long expected = bodyStart;
        int line = bodyLine;
        List<Integer> lines = new ArrayList<>();
        for (CsvChunk chunk : guessed) {
            if (chunk.startOffset() != expected) {
                if (expected >= chunk.endOffset()) {
                    continue;
                }
                chunk = rows.exact(expected, chunk.endOffset());
            }
            chunks.add(chunk);
            lines.add(line);
            line += chunk.lines;
            expected = chunk.next();
            if (chunk.unclosed) {
                break;
            }
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Chunk boundaries: {@code from}, then every {@code size} bytes, then the end. */
    static long[] bounds(long from, long end, int size) {
        int count = (int) Math.max(1, (end - from + size - 1) / size);
        long[] bounds = new long[count + 1];
        for (int k = 0; k < count; k++) {
            bounds[k] = from + (long) k * size;
        }
        bounds[count] = end;
        return bounds;
    }

    private static <T> List<T> run(ExecutorService pool, List<Callable<T>> tasks) throws InputException {
        List<T> results = new ArrayList<>(tasks.size());
        try {
            if (pool == null) {
                for (Callable<T> task : tasks) {
                    results.add(task.call());
                }
                return results;
            }
            List<Future<T>> futures = pool.invokeAll(tasks);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException input) {
                throw input;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InputException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problems of the rows in file order, with the duplicate ids; as many as reading row by row finds. */
    private List<CsvChunk.RowError> rowProblems(Merged merged, int fieldCount) {
        List<CsvChunk.RowError> errors = new ArrayList<>();
        for (int k = 0; k < merged.chunks.size(); k++) {
            int base = merged.baseLines[k];
            for (CsvChunk.RowError e : merged.chunks.get(k).errors) {
                errors.add(new CsvChunk.RowError(base + e.line(), e.order(), e.column(), e.message()));
            }
        }
        if (merged.idColumn >= 0) {
            duplicateIds(merged, fieldCount, errors);
        }
        // Records start on increasing lines, so (line, field) is the order of reading row by row.
        errors.sort(Comparator.comparingInt(CsvChunk.RowError::line).thenComparingInt(CsvChunk.RowError::order));
        return errors;
    }

    /** Finds equal ids by their hashes, comparing the ids themselves only where two hashes are equal. */
    private void duplicateIds(Merged merged, int fieldCount, List<CsvChunk.RowError> errors) {
        int[] hashes = merged.idHashes;
        int rows = merged.rows;
        int capacity = Integer.highestOneBit(Math.max(16, rows * 2 - 1)) << 1;
        // Each slot: a hash in the high half, its row + 1 in the low half (0: free), so a probe reads one slot.
        long[] slots = new long[capacity];
        int mask = capacity - 1;
        for (int row = 0; row < rows; row++) {
            int hash = hashes[row];
            if (hash == 0) {
                continue;
            }
            for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
                long entry = slots[slot];
                if (entry == 0) {
                    slots[slot] = (long) hash << 32 | (row + 1L);
                    break;
                }
                int first = (int) entry - 1;
                if ((int) (entry >>> 32) == hash && merged.id(first).equals(merged.id(row))) {
                    errors.add(new CsvChunk.RowError(merged.idLine(row), fieldCount, merged.idColumn(row),
                            "duplicate " + schema.idColumn() + " '" + merged.id(row) + "'; first used on line "
                                    + merged.idLine(first)));
                    break;
                }
            }
        }
    }

    /** The chunks' rows as whole columns: each chunk's rows are a stretch of the rows of the thread that parsed it. */
    private static final class Merged {
        final Schema schema;
        final List<CsvChunk> chunks;
        final int[] baseLines;
        final int rows;
        final int idColumn;
        final int[] idHashes;
        /** The row each chunk's first row becomes. */
        final int[] chunkStarts;
        final Map<String, int[]> categoryCodes = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, int[][]> multiCodes = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, int[]> monthCodes = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, long[]> valueCounts = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, long[]> monthCounts = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, int[]> yearCodes = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, int[]> dayCodes = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, long[]> integers = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, double[]> decimals = new java.util.concurrent.ConcurrentHashMap<>();

        Merged(Schema schema, List<CsvChunk> chunks, int[] baseLines, int idColumn) {
            this.schema = schema;
            this.chunks = chunks;
            this.baseLines = baseLines;
            this.rows = chunks.stream().mapToInt(c -> c.rows).sum();
            this.idColumn = idColumn;
            this.chunkStarts = new int[chunks.size()];
            for (int k = 1; k < chunks.size(); k++) {
                chunkStarts[k] = chunkStarts[k - 1] + chunks.get(k - 1).rows;
            }
            idHashes = idColumn >= 0 ? concatInts(c -> c.store.idHashes) : null;
        }

        /** The chunk that holds row {@code row}. */
        private int chunkOf(int row) {
            int k = java.util.Arrays.binarySearch(chunkStarts, row);
            if (k < 0) {
                k = -k - 2;
            }
            while (k + 1 < chunkStarts.length && chunkStarts[k + 1] == row) {
                k++; // past chunks without rows
            }
            return k;
        }

        /** The line of row {@code row}'s id cell. */
        int idLine(int row) {
            int k = chunkOf(row);
            CsvChunk chunk = chunks.get(k);
            return baseLines[k] + chunk.store.idLines[chunk.firstRow + row - chunkStarts[k]];
        }

        /** The column of row {@code row}'s id cell. */
        int idColumn(int row) {
            int k = chunkOf(row);
            CsvChunk chunk = chunks.get(k);
            return chunk.store.idColumns[chunk.firstRow + row - chunkStarts[k]];
        }

        /** Row {@code row}'s id as text, null where empty. Not thread-safe. */
        String id(int row) {
            int k = chunkOf(row);
            CsvChunk chunk = chunks.get(k);
            return chunk.store.idText.text(chunk.firstRow + row - chunkStarts[k]);
        }

        /** Column {@code index}'s codes (or Strings), and how to make its Tablesaw column from them. */
        Supplier<Column<?>> firstPass(int index) {
            return build(schema.columns().get(index), index);
        }

        private Supplier<Column<?>> build(ColumnSpec spec, int index) {
            switch (spec.type()) {
                case CATEGORY -> {
                    int[] codes = concatInts(c -> ((ColumnCells.Category) c.store.cells[index]).codes);
                    categoryCodes.put(spec.name(), codes);
                    long[] counts = new long[spec.values().size()];
                    for (CsvChunk chunk : chunks) {
                        int[] tally = chunk.tallies[index];
                        for (int code = 0; code < tally.length; code++) {
                            counts[code] += tally[code];
                        }
                    }
                    valueCounts.put(spec.name(), counts);
                    String[] values = spec.values().stream().map(CategoryValue::value).toArray(String[]::new);
                    return () -> TablesawColumns.strings(spec.name(), codes, values);
                }
                case MULTI_CATEGORY -> {
                    int[][] codes = new int[rows][];
                    int at = 0;
                    for (CsvChunk chunk : chunks) {
                        ColumnCells.Multi m = (ColumnCells.Multi) chunk.store.cells[index];
                        System.arraycopy(m.codes, chunk.firstRow, codes, at, chunk.rows);
                        at += chunk.rows;
                    }
                    multiCodes.put(spec.name(), codes);
                    long[] counts = new long[spec.values().size()];
                    for (CsvChunk chunk : chunks) {
                        List<int[]> cellCodes = ((ColumnCells.Multi) chunk.store.cells[index]).cellCodes;
                        int[] tally = chunk.tallies[index];
                        for (int cell = 0; cell < tally.length; cell++) {
                            for (int code : cellCodes.get(cell)) {
                                counts[code] += tally[cell];
                            }
                        }
                    }
                    valueCounts.put(spec.name(), counts);
                    List<MultiPart> parts = chunks.stream()
                            .map(c -> new MultiPart((ColumnCells.Multi) c.store.cells[index], c.firstRow, c.rows)).toList();
                    return () -> multiTexts(spec.name(), parts);
                }
                case DATE, YEAR_MONTH -> {
                    int[] months = concatInts(c -> ((ColumnCells.Dates) c.store.cells[index]).months);
                    monthCodes.put(spec.name(), months);
                    int[] years = concatInts(c -> ((ColumnCells.Dates) c.store.cells[index]).years);
                    yearCodes.put(spec.name(), years);
                    if (!chunks.isEmpty() && chunks.get(0).tallies[index] != null) {
                        long[] counts = new long[12];
                        for (CsvChunk chunk : chunks) {
                            for (int m = 0; m < 12; m++) {
                                counts[m] += chunk.tallies[index][m];
                            }
                        }
                        monthCounts.put(spec.name(), counts);
                    }
                    int[] packed = concatInts(c -> ((ColumnCells.Dates) c.store.cells[index]).packed);
                    if (spec.type() == ColumnType.DATE) {
                        dayCodes.put(spec.name(), packed);
                    }
                    return spec.partial() ? () -> TablesawColumns.partialDates(spec.name(), years, months, packed)
                            : () -> TablesawColumns.dates(spec.name(), packed);
                }
                case TEXT -> {
                    // Decoded when the table is made: checking the bytes was enough until then.
                    List<TextPart> parts = chunks.stream()
                            .map(c -> new TextPart((ColumnCells.Text) c.store.cells[index], c.firstRow, c.rows)).toList();
                    return () -> TablesawColumns.texts(spec.name(), strings(parts), rows);
                }
                case INTEGER -> {
                    long[] values = new long[rows];
                    int at = 0;
                    for (CsvChunk chunk : chunks) {
                        System.arraycopy(((ColumnCells.Integers) chunk.store.cells[index]).values, chunk.firstRow,
                                values, at, chunk.rows);
                        at += chunk.rows;
                    }
                    integers.put(spec.name(), values);
                    return () -> TablesawColumns.integers(spec.name(), values);
                }
                case DECIMAL -> {
                    double[] values = new double[rows];
                    int at = 0;
                    for (CsvChunk chunk : chunks) {
                        System.arraycopy(((ColumnCells.Decimals) chunk.store.cells[index]).values, chunk.firstRow,
                                values, at, chunk.rows);
                        at += chunk.rows;
                    }
                    decimals.put(spec.name(), values);
                    return () -> TablesawColumns.decimals(spec.name(), values);
                }
                default -> {
                    Object[] values = new Object[rows];
                    int at = 0;
                    for (CsvChunk chunk : chunks) {
                        System.arraycopy(((ColumnCells.Values) chunk.store.cells[index]).values, chunk.firstRow,
                                values, at, chunk.rows);
                        at += chunk.rows;
                    }
                    return () -> TablesawColumns.values(spec, values, rows);
                }
            }
        }

        /** Whether a text cell was not well-formed UTF-8 (found while making its String). */
        boolean malformed() {
            return chunks.stream().map(c -> c.store).distinct().anyMatch(s -> java.util.Arrays.stream(s.cells)
                    .anyMatch(cells -> cells.malformed) || s.idText != null && s.idText.malformed);
        }

        /**
         * A multi-category column as Tablesaw text: each thread numbered the distinct cells it read, so
         * the numbers are made common first.
         */
        private Column<?> multiTexts(String name, List<MultiPart> parts) {
            int[] cellIds = new int[rows];
            Map<String, Integer> idOf = new HashMap<>();
            List<String> cells = new ArrayList<>();
            Map<ColumnCells.Multi, int[]> globalIds = new java.util.IdentityHashMap<>();
            int at = 0;
            for (MultiPart part : parts) {
                ColumnCells.Multi m = part.cells();
                int[] global = globalIds.computeIfAbsent(m, x -> m.cells.stream()
                        .mapToInt(cell -> idOf.computeIfAbsent(cell, c -> {
                            cells.add(c);
                            return cells.size() - 1;
                        })).toArray());
                for (int r = 0; r < part.rows(); r++) {
                    int local = m.cellIds[part.firstRow() + r];
                    cellIds[at + r] = local < 0 ? -1 : global[local];
                }
                at += part.rows();
            }
            return TablesawColumns.strings(name, cellIds, cells.toArray(new String[0]));
        }

        private String[] strings(List<TextPart> parts) {
            String[] all = new String[rows];
            int at = 0;
            for (TextPart part : parts) {
                for (int r = 0; r < part.rows(); r++) {
                    all[at + r] = part.cells().text(part.firstRow() + r);
                }
                at += part.rows();
            }
            return all;
        }

        private int[] concatInts(java.util.function.Function<CsvChunk, int[]> part) {
            int[] all = new int[rows];
            int at = 0;
            for (CsvChunk chunk : chunks) {
                System.arraycopy(part.apply(chunk), chunk.firstRow, all, at, chunk.rows);
                at += chunk.rows;
            }
            return all;
        }

        /** @param countedYear the year whose months the date columns' tallies count */
        LoadedTable table(List<Supplier<Column<?>>> columns, OptionalInt countedYear) {
            return new LoadedTable(schema, rows, columns, new LoadedTable.Codes(categoryCodes, multiCodes, monthCodes,
                    yearCodes, dayCodes, integers, decimals), valueCounts, countedYear, monthCounts);
        }
    }

    /** The rows {@code firstRow..firstRow + rows} of a parsing thread's cells of one text column. */
    private record TextPart(ColumnCells.Text cells, int firstRow, int rows) {
    }

    /** The rows {@code firstRow..firstRow + rows} of a parsing thread's cells of one multi-category column. */
    private record MultiPart(ColumnCells.Multi cells, int firstRow, int rows) {
    }

    // ---- bytes and encodings --------------------------------------------------------------------

    /** A window of the file: {@code fill} bytes from offset {@code base}; {@code eof} if they reach the end. */
    record Window(byte[] bytes, int fill, boolean eof, long base) {
    }

    /**
     * The bytes to parse: the file itself when it is UTF-8 (read window by window, by any thread),
     * else the file converted to UTF-8 in memory.
     */
    private abstract static class Source implements AutoCloseable {
        private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();

        /** Where the text starts (after a byte order mark). */
        abstract long start();

        abstract long size();

        /** Reads up to {@code length} bytes from {@code base} into {@code into}; returns how many. */
        abstract int read(long base, byte[] into, int length) throws IOException;

        Window window(long base, long want) throws IOException {
            int length = (int) Math.min(Math.max(0, size() - base), Math.min(want, Integer.MAX_VALUE - 16));
            byte[] bytes = null;
            for (java.util.Iterator<byte[]> i = spare.iterator(); i.hasNext(); ) {
                byte[] candidate = i.next();
                if (candidate.length >= length && spare.remove(candidate)) {
                    bytes = candidate;
                    break;
                }
            }
            if (bytes == null) {
                bytes = new byte[length];
            }
            int fill = read(base, bytes, length);
            return new Window(bytes, fill, base + fill >= size(), base);
        }

        void recycle(Window window) {
            if (spare.size() < 8) {
                spare.add(window.bytes());
            }
        }

        @Override
        public void close() throws IOException {
        }
    }

    private Source open() throws InputException, IOException {
        java.nio.channels.FileChannel channel;
        try {
            channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw InputException.of(Problem.error(schema.schemaFile(), "the data file "
                    + file.getFileName() + " described by this schema does not exist"));
        }
        long size = channel.size();
        byte[] bom = new byte[3];
        int got = channel.read(ByteBuffer.wrap(bom), 0);
        int skip = got == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF ? 3 : 0;
        if (!utf8()) {
            byte[] raw;
            try (channel) {
                raw = Files.readAllBytes(file);
            }
            byte[] text = decode(raw, skip).getBytes(StandardCharsets.UTF_8);
            return new Source() {
                long start() {
                    return 0;
                }

                long size() {
                    return text.length;
                }

                int read(long base, byte[] into, int length) {
                    System.arraycopy(text, (int) base, into, 0, length);
                    return length;
                }
            };
        }
        return new Source() {
            long start() {
                return skip;
            }

            long size() {
                return size;
            }

            int read(long base, byte[] into, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, base + buffer.position()) < 0) {
                        break;
                    }
                }
                return buffer.position();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    private boolean utf8() {
        return schema.encoding().equals(StandardCharsets.UTF_8);
    }

    private byte[] allBytes() throws InputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.of(Problem.error(file, "cannot be read: " + e.getMessage()));
        }
    }

    private static int bomLength(byte[] raw) {
        return raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB
                && (raw[2] & 0xff) == 0xBF ? 3 : 0;
    }

    /** The text of a file in another encoding than UTF-8 (after a UTF-8 byte order mark, if any). */
    private String decode(byte[] bytes, int skip) throws InputException {
        ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return schema.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(input).toString();
        } catch (CharacterCodingException e) {
            throw InputException.of(encodingProblem(bytes, skip));
        }
    }

    /** Before reporting other problems of a UTF-8 file: a file that is not UTF-8 is reported as that alone. */
    private void checkEncoding(Source source) throws InputException {
        if (utf8()) {
            byte[] raw = allBytes();
            if (firstUndecodable(raw, bomLength(raw), schema.encoding()) < raw.length) {
                throw InputException.of(encodingProblem(raw, bomLength(raw)));
            }
        }
    }

    private Problem encodingProblem(Source source) throws InputException {
        byte[] raw = allBytes();
        return encodingProblem(raw, bomLength(raw));
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
        var out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            return bytes.length;
        }
    }

    private static boolean looksLike(byte[] bytes, int from, Charset charset) {
        return firstUndecodable(bytes, from, charset) == bytes.length;
    }

    // ---- the header -------------------------------------------------------------------------------

    /** For each header field, the index of its schema column; reports unknown and missing columns. */
    private int[] mapHeader(CsvChunk head, int line) {
        CsvChunk.Fields fields = head.fields();
        List<String> names = schema.columnNames();
        int[] columnOfField = new int[fields.count];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < fields.count; i++) {
            String text = head.fieldText(i);
            String name = text.strip();
            columnOfField[i] = names.indexOf(name);
            if (columnOfField[i] < 0) {
                problems.error(file, line, head.column(i), "the header has a column '" + name
                        + "' that " + schema.schemaFile().getFileName() + " does not describe"
                        + Suggestions.didYouMean(name, names));
            } else if (seen.contains(name)) {
                problems.error(file, line, head.column(i), "the header has column '" + name + "' twice");
            }
            seen.add(name);
        }
        for (String name : names) {
            if (!seen.contains(name)) {
                problems.error(file, line, 1, "the header lacks column '" + name + "' of "
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
}
