package org.threatreport.data.sql;

import java.sql.Types;

/**
 * A column of the schema as the source holds it: its name there and how its cells are stored, which decides
 * the SQL that reads it (a date held as a DATE is compared with dates, one held as text as text).
 *
 * @param name       the schema's name for it
 * @param sourceName the source's name for it (the same but, for engines that fold case, perhaps its case)
 * @param storage    how the source stores the cells
 * @param sqlType    the source's type name, for messages
 */
public record SqlColumn(String name, String sourceName, Storage storage, String sqlType) {

    /** The kinds of storage the SQL distinguishes. */
    public enum Storage { TEXT, DATE, INTEGER, DECIMAL, FLOAT, BOOLEAN }

    /** The storage of a JDBC type ({@link Types}); {@code scale} for DECIMAL and NUMERIC. */
    public static Storage storage(int jdbcType, int scale) {
        return switch (jdbcType) {
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Storage.DATE;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Storage.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> scale == 0 ? Storage.INTEGER : Storage.DECIMAL;
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> Storage.FLOAT;
            case Types.BOOLEAN, Types.BIT -> Storage.BOOLEAN;
            default -> Storage.TEXT;
        };
    }
}
