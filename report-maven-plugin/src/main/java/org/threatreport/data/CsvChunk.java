package org.threatreport.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Parses the records of one stretch of a UTF-8 CSV file (RFC 4180: comma-separated, double-quoted
 * fields, doubled quotes inside) straight from its bytes into {@link ColumnCells}, remembering where
 * each field starts so that a bad value can be located.
 *
 * <p>A chunk holds a window of the file: {@code fill} bytes read from the file's offset {@code base}
 * ({@code eof} when they reach the file's end). It parses the records that <em>start</em> in
 * {@code [start, end)} of the window; the last one may run past {@code end}. Chunks are parsed in
 * parallel on the guess that each starts at the start of a record; {@link #next()} says where the
 * following chunk really starts, so the reader can check the guess and parse a chunk again from the
 * right place (only a quoted value with a line break across a chunk boundary makes a guess wrong).
 * When a record runs past the window ({@link #truncated()}), the reader reads a larger window.
 * Lines are counted from the chunk's start; the reader adds the chunk's first line number.
 *
 * <p>The rules are those of the reader before it parsed bytes: blank lines are skipped; CR, LF and
 * CR LF end a line; inside quotes only LF starts a new line; text after a closing quote and before
 * the separator is kept; columns count UTF-16 code units from the start of the line, from 1.
 */
final class CsvChunk {

    /** A problem of one row; {@code order} sorts it among the problems of its row (the field's index). */
    record RowError(int line, int order, int column, String message) {
    }

    private byte[] b;
    private final int length;
    private final boolean eof;
    /** The file offset of the window's first byte. */
    final long base;
    final int start;
    final int end;
    /** Set by the reader when a header field was not well-formed UTF-8. */
    boolean malformedHeader;

    private int position;
    /** Line ends passed since {@link #start}. */
    int lines;
    private int lineStart;
    private final Fields fields = new Fields();

    /** Set when a quote opened at {@code unclosedLine} (relative), {@code unclosedColumn} never closes. */
    boolean unclosed;
    int unclosedLine;
    int unclosedColumn;

    // While parsing: each field's cells, the id's field (or -1), whether ids are kept apart from their column.
    private ColumnCells[] byField;
    private int idField;
    private boolean separateIds;

    // The parsed rows: rows firstRow.. of the parsing thread's Rows, and their problems.
    Rows store;
    int firstRow;
    int rows;
    /** Per schema column, this chunk's {@link ColumnCells#tally()} (null where the column has none). */
    int[][] tallies;
    boolean malformed;
    final List<RowError> errors = new ArrayList<>();

    CsvChunk(byte[] window, int fill, boolean eof, long base, int start, int end) {
        this.b = window;
        this.length = fill;
        this.eof = eof;
        this.base = base;
        this.start = start;
        this.end = end;
        this.position = start;
        this.lineStart = start;
    }

    /** The file offset where the next chunk's first record starts; past {@code end} when the last record ran over. */
    long next() {
        return base + position;
    }

    /** The file offset of the first record's start. */
    long startOffset() {
        return base + start;
    }

    /** The file offset of the end of the stretch whose records this chunk parses. */
    long endOffset() {
        return base + end;
    }

    /**
     * Whether the last record may go on past the window, which then has to be larger: it reached
     * the window's last byte (which may be a CR before an LF) or an unclosed quote, before the file's end.
     */
    boolean truncated() {
        return !eof && (unclosed || position >= length - 1);
    }

    /** Lets go of the window (the parsed cells keep copies of what they need). */
    void release() {
        b = null;
    }

    /** The fields of the record just parsed. */
    Fields fields() {
        return fields;
    }

    /** Skips blank lines, then parses one record into {@link #fields()}; false at the end or after an unclosed quote. */
    boolean nextRecord(int limit) {
        while (position < limit && !unclosed) {
            byte c = b[position];
            if (c == '\n' || c == '\r') {
                skipLineEnd();
                continue;
            }
            return record();
        }
        return false;
    }

    /**
     * The rows parsed by one thread, chunk after chunk, in arrays that grow (large ones, which the
     * garbage collector does not copy around): one {@link ColumnCells} per schema column, and where
     * each row's id cell is.
     */
    static final class Rows {
        final ColumnCells[] cells;
        final ColumnCells.Text idText;
        final int idColumn;
        int rows;
        int[] idLines;
        int[] idColumns;
        /** Each row's {@link Utf8#fullHash} of its id cell, 0 where empty. */
        int[] idHashes;

        /**
         * @param idColumn the schema column of the ids, or -1
         * @param capacity the rows this thread is expected to parse
         */
        Rows(List<ColumnSpec> specs, ColumnCells.Shared[] shared, OptionalInt reportYear, boolean rejectOtherYears,
             int idColumn, int capacity) {
            cells = new ColumnCells[specs.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = ColumnCells.of(specs.get(i), shared[i], reportYear, rejectOtherYears, capacity);
            }
            this.idColumn = idColumn;
            // Ids are compared as text, whatever the id column's type.
            idText = idColumn < 0 ? null : cells[idColumn] instanceof ColumnCells.Text t ? t
                    : new ColumnCells.Text(specs.get(idColumn), capacity);
            idLines = new int[idColumn < 0 ? 0 : capacity];
            idColumns = new int[idColumn < 0 ? 0 : capacity];
            idHashes = new int[idColumn < 0 ? 0 : capacity];
        }
    }

    /**
     * Parses every record starting before {@code end}, appending the rows to {@code store}.
     *
     * @param columnOfField for each field of a record, its schema column
     * @param idField       the field of the id column, or -1
     */
    void parseRows(Rows store, int[] columnOfField, int idField) {
        this.store = store;
        this.firstRow = store.rows;
        for (ColumnCells c : store.cells) {
            c.malformed = false;
        }
        byField = new ColumnCells[columnOfField.length];
        for (int f = 0; f < byField.length; f++) {
            byField[f] = store.cells[columnOfField[f]];
        }
        this.idField = idField;
        separateIds = idField >= 0 && store.idText != byField[idField];
        tallies = new int[store.cells.length][];
        for (int c = 0; c < tallies.length; c++) {
            tallies[c] = store.cells[c].tally();
        }
        while (nextRow()) {
            // The whole loop is in nextRow: see there.
        }
        rows = store.rows - firstRow;
        for (int c = 0; c < tallies.length; c++) {
            int[] before = tallies[c];
            if (before != null) {
                int[] after = store.cells[c].tally();
                for (int i = 0; i < before.length; i++) {
                    after[i] -= before[i];
                }
                tallies[c] = after;
            }
        }
        for (ColumnCells c : store.cells) {
            malformed |= c.malformed;
        }
    }

    /**
     * Parses the next record into the store's cells; false at the end. The loop over a chunk's
     * records calls this method rather than holding its body, and the body is more bytecode than
     * the JIT inlines into a hot caller (325 bytes): so it is compiled once, as a method called a
     * million times, instead of once for each loop that the JIT enters running (on-stack replacement)
     * and again for the whole method — three compiles of about 0.3 s each that kept the cell parsers
     * waiting for the one C2 compiler thread of a 2-core machine in a fresh JVM.
     */
    private boolean nextRow() {
        if (!nextRecord(end)) {
            return false;
        }
        int line = fields.line;
        int fieldCount = byField.length;
        if (fields.count != fieldCount) {
            errors.add(new RowError(line, 0, 1, "this row has " + fields.count + " fields, the header has "
                    + fieldCount + " (a missing comma, or a comma inside a value that is not quoted?)"));
            return true;
        }
        int idHash = 0;
        for (int f = 0; f < fieldCount; f++) {
            byte[] a = fields.array(f, b);
            int from = Utf8.stripStart(a, fields.from[f], fields.to[f]);
            int to = Utf8.stripEnd(a, from, fields.to[f]);
            String error = byField[f].accept(a, from, to);
            if (error != null) {
                errors.add(new RowError(line, f, column(f), error));
            }
            if (f == idField) {
                idHash = Utf8.fullHash(a, from, to);
                if (separateIds) {
                    store.idText.accept(a, from, to);
                }
            }
        }
        if (idField >= 0) {
            int row = store.rows;
            if (row == store.idLines.length) {
                int grown = ColumnCells.grown(row);
                store.idLines = Arrays.copyOf(store.idLines, grown);
                store.idColumns = Arrays.copyOf(store.idColumns, grown);
                store.idHashes = Arrays.copyOf(store.idHashes, grown);
            }
            store.idLines[row] = line;
            store.idColumns[row] = column(idField);
            store.idHashes[row] = idHash;
        }
        store.rows++;
        return true;
    }

    /** Field {@code f} of the record just parsed, as text (for the header); notes malformed bytes. */
    String fieldText(int f) {
        byte[] a = fields.array(f, b);
        String text = Utf8.decode(a, fields.from[f], fields.to[f]);
        if (text.indexOf('\uFFFD') >= 0 && !Utf8.isValid(a, fields.from[f], fields.to[f])) {
            malformedHeader = true;
        }
        return text;
    }

    /** The average length of the lines after the record just parsed, in what the window holds: for sizing arrays. */
    int bytesPerRecord() {
        int lineFeeds = 0;
        for (int i = position; i < length; i++) {
            if (b[i] == '\n') {
                lineFeeds++;
            }
        }
        return lineFeeds == 0 ? 64 : Math.max(8, (length - position) / lineFeeds);
    }

    /** The column of field {@code f} of the record just parsed: UTF-16 units from its line's start, from 1. */
    int column(int f) {
        return Utf8.charCount(b, fields.lineStart[f], fields.position[f]) + 1;
    }

    // ---- the record grammar ----------------------------------------------------------------------

    private boolean record() {
        fields.clear(lines);
        while (true) {
            int fieldPosition = position;
            int fieldLineStart = lineStart;
            if (position < length && b[position] == '"') {
                quoted(fieldPosition, fieldLineStart);
            } else {
                int from = position;
                plain();
                fields.add(false, from, position, fieldPosition, fieldLineStart);
            }
            if (unclosed) {
                return false;
            }
            if (position < length && b[position] == ',') {
                position++;
                continue;
            }
            skipLineEnd();
            return true;
        }
    }

    private void plain() {
        position = Utf8.fieldEnd(b, position, length);
    }

    /** A quoted field: its value (quotes undoubled, the text after the closing quote kept) goes to the scratch buffer. */
    private void quoted(int fieldPosition, int fieldLineStart) {
        int openLine = lines;
        int openColumn = Utf8.charCount(b, lineStart, position) + 1;
        position++;
        int from = fields.scratchUsed;
        while (position < length) {
            byte c = b[position++];
            if (c == '"') {
                if (position < length && b[position] == '"') {
                    fields.scratch(c);
                    position++;
                    continue;
                }
                int rest = position;
                plain();
                fields.scratch(b, rest, position);
                fields.add(true, from, fields.scratchUsed, fieldPosition, fieldLineStart);
                return;
            }
            if (c == '\n') {
                lines++;
                lineStart = position;
            }
            fields.scratch(c);
        }
        unclosed = true;
        unclosedLine = openLine;
        unclosedColumn = openColumn;
    }

    private void skipLineEnd() {
        if (position < length && b[position] == '\r') {
            position++;
        }
        if (position < length && b[position] == '\n') {
            position++;
        }
        lines++;
        lineStart = position;
    }

    /** The fields of one record: where each value is (in the file's bytes, or in the scratch buffer when quoted). */
    static final class Fields {
        int line;
        int count;
        boolean[] inScratch = new boolean[16];
        int[] from = new int[16];
        int[] to = new int[16];
        int[] position = new int[16];
        int[] lineStart = new int[16];
        byte[] scratch = new byte[256];
        int scratchUsed;

        void clear(int recordLine) {
            line = recordLine;
            count = 0;
            scratchUsed = 0;
        }

        void add(boolean quoted, int valueFrom, int valueTo, int fieldPosition, int fieldLineStart) {
            if (count == from.length) {
                int n = count * 2;
                inScratch = Arrays.copyOf(inScratch, n);
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
                position = Arrays.copyOf(position, n);
                lineStart = Arrays.copyOf(lineStart, n);
            }
            inScratch[count] = quoted;
            from[count] = valueFrom;
            to[count] = valueTo;
            position[count] = fieldPosition;
            lineStart[count] = fieldLineStart;
            count++;
        }

        byte[] array(int f, byte[] file) {
            return inScratch[f] ? scratch : file;
        }

        void scratch(byte c) {
            if (scratchUsed == scratch.length) {
                scratch = Arrays.copyOf(scratch, scratchUsed * 2);
            }
            scratch[scratchUsed++] = c;
        }

        void scratch(byte[] src, int from, int to) {
            int n = to - from;
            if (scratchUsed + n > scratch.length) {
                scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchUsed + n));
            }
            System.arraycopy(src, from, scratch, scratchUsed, n);
            scratchUsed += n;
        }

        /** Field {@code f} as text (for the header). */
        String text(int f, byte[] file) {
            byte[] a = array(f, file);
            return Utf8.decode(a, from[f], to[f]);
        }
    }
}
