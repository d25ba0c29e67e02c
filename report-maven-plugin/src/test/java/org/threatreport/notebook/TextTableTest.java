package org.threatreport.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link TextTable} lays a table out exactly as Tablesaw's {@code Table.print()} does. */
class TextTableTest {

    @Test
    void chineseLabelsAndATitleAsTheReportsTablesHaveThem() {
        assertSameAsTablesaw("表 3 政府部门事件", List.of("行业", "事件数", "占比"),
                List.of(List.of("政府部门", "59", "29.6%"), List.of("事业单位", "24", "12.1%"), List.of("IT", "7", "3.5%")));
    }

    @Test
    void aTitleWiderThanTheTableAndAnEmptyOne() {
        List<List<String>> rows = List.of(List.of("a", "1", "0.5%"));
        assertSameAsTablesaw("Incidents by industry, discovery channel and scope", List.of("k", "n", "p"), rows);
        assertSameAsTablesaw("", List.of("Industry", "Incidents", "Share"), rows);
    }

    @Test
    void noRows() {
        assertSameAsTablesaw("T", List.of("a", "b", "c"), List.of());
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 20, 21, 22, 25, 40})
    void onlyTheFirstAndLastTenRowsOfALongTable(int count) {
        List<List<String>> rows = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> rows.add(List.of("v" + i,
                String.valueOf(i == count / 2 ? 123456789 : i * 3), i == count / 2 ? "a hidden wide cell" : i + "%")));
        assertSameAsTablesaw("T", List.of("key", "n", "share"), rows);
    }

    private static void assertSameAsTablesaw(String title, List<String> header, List<List<String>> rows) {
        Table table = Table.create(title,
                StringColumn.create(header.get(0), rows.stream().map(r -> r.get(0)).toList()),
                IntColumn.create(header.get(1), rows.stream().mapToInt(r -> Integer.parseInt(r.get(1))).toArray()),
                StringColumn.create(header.get(2), rows.stream().map(r -> r.get(2)).toList()));
        assertEquals(table.print().replace(System.lineSeparator(), "\n"), TextTable.of(title, header, rows));
    }
}
