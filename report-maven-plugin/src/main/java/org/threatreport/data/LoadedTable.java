package org.threatreport.data;

import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A validated table: its schema, its rows as a Tablesaw table whose column types the schema
 * decided, and the category cells as codes (indexes into the schema's values) so that counting
 * never compares strings.
 *
 * @param categoryCodes per category column, each row's value index, or -1 where empty
 * @param multiCodes    per multi-category column, each row's value indexes
 * @param monthCodes    per date or year-month column, each row's {@code year * 12 + month - 1}, or -1
 */
public record LoadedTable(Schema schema, Table table, Map<String, int[]> categoryCodes,
                          Map<String, int[][]> multiCodes, Map<String, int[]> monthCodes) {

    public LoadedTable {
        categoryCodes = Map.copyOf(categoryCodes);
        multiCodes = Map.copyOf(multiCodes);
        monthCodes = Map.copyOf(monthCodes);
    }

    public String name() {
        return schema.table();
    }

    public int rowCount() {
        return table.rowCount();
    }
}
