package org.threatreport.data.sql;

import java.util.ArrayList;
import java.util.List;
import org.threatreport.data.CategoryValue;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.Schema;

/**
 * The codebook's rules as SQL, each one query that lists what breaks the rule (the bad value, how many rows
 * hold it, the smallest and largest id among them) rather than the rows themselves, so that a check of a
 * hundred million rows returns a few lines. Which values a rule takes is the same as the CSV reader's:
 * an empty text is an empty cell; a multi-category cell is split at its separator and each part trimmed.
 */
final class CodebookSql {

    /** The most bad values of one rule that are listed. */
    static final int LISTED = 20;

    private final SqlSource source;
    private final SqlDialect dialect;
    private final Schema schema;

    CodebookSql(SqlSource source, Schema schema) {
        this.source = source;
        this.dialect = source.dialect();
        this.schema = schema;
    }

    /** A rule's query: its rows are (bad value, rows, first id, last id), the most frequent first. */
    record Rule(ColumnSpec column, Kind kind, String sql) {
    }

    enum Kind { UNKNOWN_VALUE, NOT_A_DATE, NOT_A_BOOLEAN, OUTSIDE_YEAR, EMPTY_REQUIRED, DUPLICATE_ID }

    /** The rules of every column, and the id's uniqueness. */
    List<Rule> rules(java.util.OptionalInt reportYear) {
        List<Rule> rules = new ArrayList<>();
        for (ColumnSpec column : schema.columns()) {
            String cell = cell(column);
            boolean text = source.storage(column.name()) == SqlColumn.Storage.TEXT;
            if (column.required()) {
                String empty = text ? cell + " IS NULL OR " + cell + " = ''" : cell + " IS NULL";
                rules.add(new Rule(column, Kind.EMPTY_REQUIRED, "SELECT NULL, COUNT(*), " + idBounds() + " FROM "
                        + source.relation() + " AS t WHERE " + empty));
            }
            String present = text ? cell + " IS NOT NULL AND " + cell + " <> ''" : cell + " IS NOT NULL";
            switch (column.type()) {
                case CATEGORY -> rules.add(new Rule(column, Kind.UNKNOWN_VALUE, grouped(cell, present + " AND "
                        + cell + " NOT IN (" + dialect.literals(values(column)) + ")")));
                case MULTI_CATEGORY -> rules.add(new Rule(column, Kind.UNKNOWN_VALUE, multi(column, cell, present)));
                case DATE, YEAR_MONTH -> {
                    if (text) {
                        rules.add(new Rule(column, Kind.NOT_A_DATE, grouped(cell, present + " AND NOT "
                                + dialect.matches(cell, datePattern(column)))));
                    }
                    if (reportYear.isPresent() && schema.reportYearOnly()) {
                        String year = text ? dialect.toInteger(dialect.substring(cell, 1, 4)) : dialect.year(cell);
                        String shown = text ? cell : dialect.toText(cell);
                        rules.add(new Rule(column, Kind.OUTSIDE_YEAR, grouped(shown, present + " AND "
                                + (text ? dialect.matches(cell, datePattern(column)) + " AND " : "") + year + " <> "
                                + reportYear.getAsInt())));
                    }
                }
                case BOOLEAN -> {
                    if (text) {
                        rules.add(new Rule(column, Kind.NOT_A_BOOLEAN, grouped(cell, present + " AND " + cell
                                + " NOT IN ('true', 'false')")));
                    }
                }
                default -> {
                }
            }
        }
        if (schema.idColumn() != null) {
            String id = source.column(schema.idColumn());
            rules.add(new Rule(schema.column(schema.idColumn()).orElseThrow(), Kind.DUPLICATE_ID,
                    dialect.limit("SELECT " + dialect.toText(id) + ", COUNT(*), NULL, NULL FROM " + source.relation()
                            + " AS t WHERE " + id + " IS NOT NULL GROUP BY " + id + " HAVING COUNT(*) > 1 ORDER BY"
                            + " COUNT(*) DESC, 1", LISTED)));
        }
        return rules;
    }

    /** The days 29 to 31 that text dates hold: each checked against its month's length in Java. */
    String lateDays(ColumnSpec column) {
        String cell = cell(column);
        return dialect.limit("SELECT " + cell + ", COUNT(*), " + idBounds() + " FROM " + source.relation()
                + " AS t WHERE " + dialect.length(cell) + " = 10 AND " + dialect.substring(cell, 9, 2)
                + " IN ('29', '30', '31') GROUP BY " + cell + " ORDER BY 1", 500);
    }

    private String cell(ColumnSpec column) {
        return source.column(column.name());
    }

    private static List<String> values(ColumnSpec column) {
        return column.values().stream().map(CategoryValue::value).toList();
    }

    /** The shapes a date cell may take (the days of each month are checked apart). */
    static String datePattern(ColumnSpec column) {
        String month = "[0-9]{4}-(0[1-9]|1[0-2])";
        String full = column.type() == ColumnType.YEAR_MONTH ? month : month + "-(0[1-9]|[12][0-9]|3[01])";
        if (!column.partial()) {
            return full;
        }
        return column.type() == ColumnType.YEAR_MONTH ? full + "|[0-9]{4}" : full + "|" + month + "|[0-9]{4}";
    }

    private String idBounds() {
        if (schema.idColumn() == null) {
            return "NULL, NULL";
        }
        String id = dialect.toText(source.column(schema.idColumn()));
        return "MIN(" + id + "), MAX(" + id + ")";
    }

    private String grouped(String value, String where) {
        return dialect.limit("SELECT " + value + ", COUNT(*), " + idBounds() + " FROM " + source.relation()
                + " AS t WHERE " + where + " GROUP BY " + value + " ORDER BY COUNT(*) DESC, 1", LISTED);
    }

    private String multi(ColumnSpec column, String cell, String present) {
        String parts = dialect.parts(cell, column.separator(), p -> p);
        String part = dialect.element("u");
        List<String> allowed = values(column);
        return dialect.limit("SELECT " + part + ", COUNT(*), " + idBounds() + " FROM " + source.relation() + " AS t "
                + dialect.unnest(parts, "u") + " WHERE " + present + " AND (" + part + " NOT IN ("
                + dialect.literals(allowed) + ")) GROUP BY " + part + " ORDER BY COUNT(*) DESC, 1", LISTED);
    }
}
