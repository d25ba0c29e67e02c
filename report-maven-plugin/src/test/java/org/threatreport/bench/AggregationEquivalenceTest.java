package org.threatreport.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.threatreport.aggregate.CrossTab;
import org.threatreport.aggregate.Distribution;
import org.threatreport.aggregate.Entry;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.DataLoader;
import org.threatreport.data.LoadedTable;
import org.threatreport.testing.Strictly;

/**
 * The one-pass {@code crossTab} and the summed {@code byGroup} give what their definitions give:
 * {@code where(row value).by(column)} per row value, and {@code count(column, group)} per group; for
 * every pair of category columns of the flagship data (single- and multi-valued, grouped or not),
 * on the whole table and on filtered views; and the whole table's counts, which the reader tallies
 * while parsing, are those of visiting its rows.
 */
class AggregationEquivalenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void crossTablesAndGroupsAgreeWithTheirDefinitions() throws Exception {
        LoadedTable table = Strictly.data(ROOT.resolve("data"), OptionalInt.of(2017)).inMemory().get("incidents");
        TableView all = TableView.of(table, Wording.forLanguage("zh-CN"), 2017);
        List<String> columns = table.schema().columns().stream().filter(c -> c.type().isCategorical())
                .map(ColumnSpec::name).toList();
        // The whole table's counts come from the reader's tallies; count() visits the rows.
        for (String column : columns) {
            for (Entry value : all.by(column).entries()) {
                assertEquals(all.count(column, value.value()), value.count(), column + " " + value.value());
            }
        }
        for (Entry month : all.months("date").entries()) {
            assertEquals(all.count("date", month.value()), month.count(), "month " + month.value());
        }
        for (TableView view : List.of(all, all.where("area", "网站安全"), all.where("techniques", "弱口令"),
                all.where("scope", "外部网站和内部网站"))) {
            for (String rowColumn : columns) {
                for (String columnColumn : columns) {
                    CrossTab tab = view.crossTab(rowColumn, columnColumn);
                    Distribution rowValues = view.by(rowColumn).inSchemaOrder();
                    for (int r = 0; r < rowValues.size(); r++) {
                        long[] expected = view.where(rowColumn, rowValues.get(r).value()).by(columnColumn)
                                .inSchemaOrder().entries().stream().mapToLong(Entry::count).toArray();
                        assertArrayEquals(expected, tab.counts()[r], rowColumn + " × " + columnColumn + ", row " + r);
                    }
                }
                ColumnSpec spec = table.schema().column(rowColumn).orElseThrow();
                if (!spec.groups().isEmpty()) {
                    for (Entry group : view.byGroup(rowColumn).entries()) {
                        assertEquals(view.count(rowColumn, group.value()), group.count(), rowColumn + " " + group.value());
                    }
                }
            }
        }
    }
}
