package org.threatreport.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
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
    void anyYearIsAcceptedWithoutAReportYear() throws Exception {
        Schema schema = SchemaReader.read(DataValidationTest.DATA.resolve("good/incidents.schema.yaml"));
        assertEquals(4, CsvTableReader.read(schema, OptionalInt.empty()).rowCount());
    }
}
