package org.threatreport.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.bench.reference.ReferenceCsvReader;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.data.SchemaReader;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.Strictly;
import tech.tablesaw.columns.Column;

/**
 * The byte-level, parallel {@link CsvTableReader} gives exactly what the reader it replaced gives
 * ({@link ReferenceCsvReader}): the same codes and Tablesaw columns, or the same problems in the same
 * order, whatever the chunk size, on the repository's data, the test files and many random files with
 * every awkward thing a CSV file can hold.
 */
class ReaderEquivalenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TEST_DATA = Path.of("src/test/resources/data");
    private static final int[] CHUNK_SIZES = {1, 64, 4 << 20};
    /** The report year of the reads that have one. */
    private static final int YEAR = 2017;
    private static final int[] RANDOM_CHUNK_SIZES = {5, 4 << 20};

    @Test
    void theFlagshipDataReadsTheSame() throws Exception {
        Schema schema = SchemaReader.read(ROOT.resolve("data/incidents.schema.yaml"));
        assertSame(schema, OptionalInt.of(2017), new int[] {97, 4 << 20}, "flagship");
    }

    @Test
    void theTestFilesReadTheSame() throws Exception {
        Schema good = SchemaReader.read(TEST_DATA.resolve("good/incidents.schema.yaml"));
        assertSame(good, OptionalInt.of(2017), "good");
        assertSame(good, OptionalInt.empty(), "good, any year");
        try (Stream<Path> files = Files.list(TEST_DATA.resolve("bad"))) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                assertSame(withData(good, csv, good.encoding()), OptionalInt.of(2017), csv.getFileName().toString());
                assertSame(withData(good, csv, java.nio.charset.Charset.forName("GBK")), OptionalInt.of(2017),
                        csv.getFileName() + " as GBK");
            }
        }
    }

    @Test
    void randomFilesReadTheSame(@TempDir Path dir) throws Exception {
        Schema good = SchemaReader.read(TEST_DATA.resolve("good/incidents.schema.yaml"));
        SplittableRandom random = new SplittableRandom(4711);
        int read = 0;
        for (int i = 0; i < 200; i++) {
            Path csv = dir.resolve("random-" + i + ".csv");
            Files.write(csv, randomFile(random, i % 4 == 0));
            if (assertSame(withData(good, csv, good.encoding()), OptionalInt.of(2017), RANDOM_CHUNK_SIZES,
                    "random file " + i + ": " + new String(Files.readAllBytes(csv), StandardCharsets.UTF_8))) {
                read++;
            }
        }
        // Not a vacuous comparison: many files are read, many are refused.
        assertTrue(read >= 30 && read <= 170, read + " of 200 random files were read without problems");
    }

    @Test
    void manyDistinctTextsAreKeptAsTablesawKeepsThem(@TempDir Path dir) throws Exception {
        // 'id' outgrows Tablesaw's short dictionary with every row distinct (kept without a dictionary),
        // 'note' with few rows distinct (an int dictionary); both as appending cell by cell decides.
        Files.writeString(dir.resolve("texts.schema.yaml"), """
                table: texts
                id: id
                columns:
                  - {name: id, type: text, required: true}
                  - {name: note, type: text}
                """);
        StringBuilder csv = new StringBuilder("id,note\n");
        for (int r = 0; r < 230_000; r++) {
            csv.append('R').append(r).append(',').append(r % 10 == 0 ? "" : "n" + r / 3).append('\n');
        }
        Files.writeString(dir.resolve("texts.csv"), csv);
        Schema schema = SchemaReader.read(dir.resolve("texts.schema.yaml"));
        assertSame(schema, OptionalInt.empty(), new int[] {1 << 20, 4 << 20}, "many texts");
        LoadedTable table = Strictly.read(schema, OptionalInt.empty());
        assertEquals("NullDictionaryMap", dictionary(table.table().column("id")));
        assertEquals("IntDictionaryMap", dictionary(table.table().column("note")));
    }

    /** The kind of dictionary Tablesaw keeps a string column in. */
    private static String dictionary(Column<?> column) {
        try {
            java.lang.reflect.Field field = tech.tablesaw.api.StringColumn.class.getDeclaredField("data");
            field.setAccessible(true);
            return field.get(column).getClass().getSimpleName();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema withData(Schema s, Path csv, java.nio.charset.Charset encoding) {
        // The reference reader takes a date outside the report's year for a mistake, as 'other-years: error' does.
        return new Schema(s.table(), s.schemaFile(), csv, encoding, s.idColumn(), s.labels(), s.columns(),
                s.periodColumn(), true);
    }

    // ---- comparing ------------------------------------------------------------------------------

    /** Returns whether the file was read without problems. */
    private static boolean assertSame(Schema schema, OptionalInt year, String what) throws Exception {
        return assertSame(schema, year, CHUNK_SIZES, what);
    }

    private static boolean assertSame(Schema schema, OptionalInt year, int[] chunkSizes, String what) throws Exception {
        Object expected = outcome(() -> ReferenceCsvReader.read(schema, year));
        List<org.threatreport.diagnostic.Problem> expectedLenient = new ArrayList<>();
        LoadedTable expectedTable = ReferenceCsvReader.readLeniently(schema, year, expectedLenient);
        for (int chunk : chunkSizes) {
            System.setProperty("threatreport.data.chunkBytes", Integer.toString(chunk));
            try {
                String how = what + " (chunks of " + chunk + " bytes)";
                Object actual = outcome(() -> Strictly.read(schema, year));
                compare(expected, actual, how);
                org.threatreport.diagnostic.Problems found = new org.threatreport.diagnostic.Problems();
                LoadedTable actualTable = CsvTableReader.read(schema, year, found);
                // The warning of a last row without a line break is the reader's own: the reference knows none.
                List<org.threatreport.diagnostic.Problem> actualLenient = found.list().stream()
                        .filter(p -> p.severity() == org.threatreport.diagnostic.Problem.Severity.ERROR).toList();
                assertEquals(formatted(expectedLenient), formatted(actualLenient), how + ", leniently");
                assertEquals(expectedTable == null, actualTable == null, how + ", leniently");
                if (expectedTable != null) {
                    compare(expectedTable, actualTable, how + ", leniently");
                }
            } finally {
                System.clearProperty("threatreport.data.chunkBytes");
            }
        }
        return expected instanceof LoadedTable;
    }

    private static List<String> formatted(List<org.threatreport.diagnostic.Problem> problems) {
        return problems.stream().map(p -> p.format(ROOT)).toList();
    }

    private interface Read {
        LoadedTable read() throws InputException;
    }

    private static Object outcome(Read read) {
        try {
            return read.read();
        } catch (InputException e) {
            // Only errors: the warning of a last row without a line break is the reader's own.
            return new InputException(e.problems().stream()
                    .filter(p -> p.severity() == org.threatreport.diagnostic.Problem.Severity.ERROR).toList())
                    .describe(ROOT);
        }
    }

    private static void compare(Object expected, Object actual, String what) {
        if (expected instanceof String problems) {
            assertEquals(problems, actual instanceof String ? actual : "no problems", what);
            return;
        }
        if (actual instanceof String problems) {
            fail(what + ": unexpected problems\n" + problems);
        }
        LoadedTable e = (LoadedTable) expected;
        LoadedTable a = (LoadedTable) actual;
        assertEquals(e.rowCount(), a.rowCount(), what);
        assertEquals(e.categoryCodes().keySet(), a.categoryCodes().keySet(), what);
        for (Map.Entry<String, int[]> c : e.categoryCodes().entrySet()) {
            assertArrayEquals(c.getValue(), a.categoryCodes().get(c.getKey()), what + " " + c.getKey());
        }
        assertEquals(e.monthCodes().keySet(), a.monthCodes().keySet(), what);
        for (Map.Entry<String, int[]> c : e.monthCodes().entrySet()) {
            assertArrayEquals(c.getValue(), a.monthCodes().get(c.getKey()), what + " " + c.getKey());
        }
        for (Map.Entry<String, int[]> c : a.monthCodes().entrySet()) {
            // The reader's own tally of the report year's months, against its month codes.
            long[] inYear = new long[12];
            for (int code : c.getValue()) {
                if (code >= YEAR * 12 && code < YEAR * 12 + 12) {
                    inYear[code - YEAR * 12]++;
                }
            }
            a.monthCounts(c.getKey(), YEAR).ifPresent(counts ->
                    assertArrayEquals(inYear, counts, what + " months of " + c.getKey()));
        }
        assertEquals(e.valueCounts().keySet(), a.valueCounts().keySet(), what);
        for (Map.Entry<String, long[]> c : e.valueCounts().entrySet()) {
            assertArrayEquals(c.getValue(), a.valueCounts().get(c.getKey()), what + " counts of " + c.getKey());
        }
        assertEquals(e.multiCodes().keySet(), a.multiCodes().keySet(), what);
        for (Map.Entry<String, int[][]> c : e.multiCodes().entrySet()) {
            assertArrayEquals(c.getValue(), a.multiCodes().get(c.getKey()), what + " " + c.getKey());
        }
        assertEquals(e.table().name(), a.table().name(), what);
        assertEquals(e.table().columnNames(), a.table().columnNames(), what);
        for (int i = 0; i < e.table().columnCount(); i++) {
            Column<?> ec = e.table().column(i);
            Column<?> ac = a.table().column(i);
            String column = what + " column " + ec.name();
            assertEquals(ec.type(), ac.type(), column);
            assertEquals(ec.size(), ac.size(), column);
            assertEquals(ec.countMissing(), ac.countMissing(), column);
            assertEquals(ec.countUnique(), ac.countUnique(), column);
            assertEquals(ec.unique().asList(), ac.unique().asList(), column + " unique()");
            List<String> expectedCells = new ArrayList<>();
            List<String> actualCells = new ArrayList<>();
            for (int r = 0; r < ec.size(); r++) {
                expectedCells.add(ec.isMissing(r) + " " + ec.getString(r) + " " + ec.get(r));
                actualCells.add(ac.isMissing(r) + " " + ac.getString(r) + " " + ac.get(r));
            }
            assertEquals(expectedCells, actualCells, column);
            if (ec instanceof tech.tablesaw.api.StringColumn es) {
                var as = (tech.tablesaw.api.StringColumn) ac;
                assertEquals(dictionary(es), dictionary(as), column + " dictionary");
                assertEquals(new TreeSet<>(es.asSet()), new TreeSet<>(as.asSet()), column);
                if (es.size() <= 5000 && !dictionary(es).equals("NullDictionaryMap")) {
                    assertEquals(es.countByCategory().printAll(), as.countByCategory().printAll(), column);
                    // Appending after the build works as on a column built cell by cell.
                    assertEquals(es.copy().append("x").append("政府部门").asList(), as.copy().append("x").append("政府部门").asList(), column);
                }
            }
        }
    }

    // ---- random files ---------------------------------------------------------------------------

    private static final String[] INDUSTRIES = {"政府部门", "金融机构", "IT", "金融机购", "", " IT ", "\u3000政府部门", "it"};
    private static final String[] SCOPES = {"外部网站", "内部网站", "办公终端", "", "网页", "\t内部网站 "};
    private static final String[] TAGS = {"弱口令", "漏洞", "钓鱼", "漏铜", " 漏洞 ", ""};
    private static final String[] DATES = {"2017-01-05", "2017-12-31", "2016-12-31", "2017-02-29", "2016-02-29",
            "17/3/2017", "2017-13-01", "", " 2017-03-01 ", "２０１７-01-01"};
    private static final String[] NUMBERS = {"1", "1.5", "-2", "abc", "", "1e3", "NaN", " 7 ", "+3", "１２"};
    private static final String[] BOOLEANS = {"true", "false", "", "yes", " true"};
    private static final String[] MONTHS = {"2017-01", "2017-12", "2016-12", "2017-1", "", "2017-00"};

    private static byte[] randomFile(SplittableRandom random, boolean clean) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(5) == 0) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        String newline = switch (random.nextInt(6)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            default -> "\n";
        };
        List<String> header = new ArrayList<>(List.of("id", "date", "industry", "scope", "tags", "cost", "hosts",
                "resolved", "month"));
        if (!clean && random.nextInt(10) == 0) {
            java.util.Collections.swap(header, 1, 2 + random.nextInt(7));
        }
        if (!clean && random.nextInt(20) == 0) {
            header.set(3, "scop");
        }
        write(out, String.join(",", header) + newline);
        int rows = random.nextInt(40);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(15) == 0) {
                write(out, newline);
            }
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                String cell = switch (column) {
                    case "id" -> clean || random.nextInt(10) > 0 ? "A" + r : "A" + random.nextInt(Math.max(1, r));
                    case "date" -> clean ? "2017-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) : pick(random, DATES);
                    case "industry" -> clean ? INDUSTRIES[random.nextInt(3)] : pick(random, INDUSTRIES);
                    case "scope" -> clean ? SCOPES[random.nextInt(4)] : pick(random, SCOPES);
                    case "tags" -> tags(random, clean);
                    case "cost", "hosts" -> clean ? Integer.toString(random.nextInt(100)) : pick(random, NUMBERS);
                    case "resolved" -> clean ? BOOLEANS[random.nextInt(3)] : pick(random, BOOLEANS);
                    case "month" -> clean ? MONTHS[random.nextInt(2)] : pick(random, MONTHS);
                    default -> "?";
                };
                cells.add(quote(random, cell, clean));
            }
            if (!clean && random.nextInt(25) == 0) {
                cells.remove(cells.size() - 1);
            }
            if (!clean && random.nextInt(40) == 0) {
                cells.add("extra");
            }
            String line = String.join(",", cells);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (!clean && random.nextInt(60) == 0 && bytes.length > 3) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x7F));
            }
            out.write(bytes);
            if (r < rows - 1 || random.nextBoolean()) {
                write(out, newline);
            }
        }
        if (!clean && random.nextInt(30) == 0) {
            write(out, "\"A999,2017-01-01");
        }
        return out.toByteArray();
    }

    private static String tags(SplittableRandom random, boolean clean) {
        int n = random.nextInt(4);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(clean ? TAGS[random.nextInt(3)] : pick(random, TAGS));
        }
        return String.join(";", parts);
    }

    private static String quote(SplittableRandom random, String cell, boolean clean) {
        int kind = random.nextInt(clean ? 12 : 8);
        if (clean && (kind == 1 || kind == 5)) {
            kind = 0;
        }
        return switch (kind) {
            case 0 -> "\"" + cell.replace("\"", "\"\"") + "\"";
            case 1 -> "\"" + cell + "\"\"\"";
            case 2 -> "\"" + cell + "\n\"";
            case 3 -> "\"" + cell + "\r\n \"";
            case 4 -> "\"" + cell + "\" ";
            case 5 -> "\"\"";
            default -> cell;
        };
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void write(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
