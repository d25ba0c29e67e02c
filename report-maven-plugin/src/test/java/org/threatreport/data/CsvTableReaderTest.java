package org.threatreport.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.Strictly;
import tech.tablesaw.api.ColumnType;

class CsvTableReaderTest {

    @Test
    void schemaDecidesTheTablesawColumnTypes() throws Exception {
        LoadedTable table = DataSetFixture.good();
        assertEquals(4, table.rowCount());
        assertEquals(ColumnType.LOCAL_DATE, table.table().column("date").type());
        assertEquals(ColumnType.STRING, table.table().column("industry").type());
        assertEquals(ColumnType.DOUBLE, table.table().column("cost").type());
        assertEquals(ColumnType.LONG, table.table().column("hosts").type());
        assertEquals(ColumnType.BOOLEAN, table.table().column("resolved").type());
        assertEquals(ColumnType.LOCAL_DATE, table.table().column("month").type());
    }

    @Test
    void acceptsAByteOrderMarkAndQuotedFields() throws Exception {
        LoadedTable table = DataSetFixture.good();
        assertEquals("A1", table.table().stringColumn("id").get(0));
        assertEquals("A3", table.table().stringColumn("id").get(2));
    }

    @Test
    void codesCategoriesByTheirSchemaIndex() throws Exception {
        LoadedTable table = DataSetFixture.good();
        assertArrayEquals(new int[] {0, 1, 2, 0}, table.categoryCodes().get("industry"));
        assertArrayEquals(new int[] {0, 1, 2, -1}, table.categoryCodes().get("scope"));
        assertArrayEquals(new int[] {0, 1}, table.multiCodes().get("tags")[0]);
        assertArrayEquals(new int[] {2, 0}, table.multiCodes().get("tags")[3]);
        assertEquals(2017 * 12 + 11, table.monthCodes().get("date")[3]);
    }

    @Test
    void countsEachValueAndEachMonthOfTheReportYearWhileReading() throws Exception {
        LoadedTable table = DataSetFixture.good();
        assertArrayEquals(new long[] {2, 1, 1}, table.valueCounts().get("industry"));
        assertArrayEquals(new long[] {1, 1, 1}, table.valueCounts().get("scope"));
        assertArrayEquals(new long[] {2, 2, 1}, table.valueCounts().get("tags"));
        assertArrayEquals(new long[] {1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1}, table.monthCounts("date", 2017).orElseThrow());
        assertTrue(table.monthCounts("date", 2016).isEmpty());
    }

    @Test
    void anyYearIsAcceptedWithoutAReportYear() throws Exception {
        Schema schema = SchemaReader.read(DataValidationTest.DATA.resolve("good/incidents.schema.yaml"));
        assertEquals(4, Strictly.read(schema, OptionalInt.empty()).rowCount());
    }

    @Test
    void idsThatDifferOnlyInTheMiddleAreNotDuplicates(@TempDir Path dir) throws Exception {
        // Same length, same first and last eight bytes: only the middle tells them apart.
        String csv = HEADER + row("ORG-2017-a-0000001") + row("ORG-2017-b-0000001") + row("ORG-2017-c-0000001")
                + row("ORG-2017-b-0000001");
        InputException e = assertThrows(InputException.class, () -> read(dir, csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("incidents.csv:5:1: error: duplicate id 'ORG-2017-b-0000001'; first used on line 3"),
                e.describe(dir).lines().toList());
    }

    @Test
    void aTextCellThatIsNotUtf8MakesTheFileAnEncodingProblem(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + row("A1")).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'A', (byte) 0xC3, '('}); // a lead byte without its continuation
        bytes.writeBytes(row("").getBytes(StandardCharsets.UTF_8));
        InputException e = assertThrows(InputException.class, () -> read(dir, bytes.toByteArray()));
        assertEquals(List.of("incidents.csv:3:2: error: this file is not valid UTF-8 (byte 125). Save it as UTF-8,"
                        + " or declare its encoding in incidents.schema.yaml."),
                e.describe(dir).lines().toList());
    }

    private static final String HEADER = "id,date,industry,scope,tags,cost,hosts,resolved,month\n";

    private static String row(String id) {
        return id + ",2017-01-05,政府部门,外部网站,弱口令,1.5,3,true,2017-01\n";
    }

    private static LoadedTable read(Path dir, byte[] csv) throws Exception {
        Schema good = SchemaReader.read(DataValidationTest.DATA.resolve("good/incidents.schema.yaml"));
        Path schemaFile = Files.copy(good.schemaFile(), dir.resolve("incidents.schema.yaml"));
        Path data = Files.write(dir.resolve("incidents.csv"), csv);
        Schema schema = new Schema(good.table(), schemaFile, data, good.encoding(), good.idColumn(), good.labels(),
                good.columns());
        return Strictly.read(schema, OptionalInt.of(2017));
    }
}
