package org.threatreport.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a table's rows are, as its schema declares: a CSV file read into memory (the default), a local
 * file that DuckDB reads where it lies (Parquet, a folder of Parquet files, or a CSV too large for memory),
 * or a table or query of a database reached over JDBC. Only the in-memory CSV loads rows; the others are
 * counted by their engine, which returns only the small results.
 */
public sealed interface TableSource permits TableSource.CsvFile, TableSource.EngineFile, TableSource.Database {

    /** What the site and messages name as the table's origin; never a credential. */
    String describe();

    /** A CSV file read into memory by the plugin's own reader. */
    record CsvFile(Path file) implements TableSource {
        @Override
        public String describe() {
            return file.getFileName().toString();
        }
    }

    /**
     * A local file read by DuckDB, embedded: a Parquet file, a folder of Parquet files (every
     * {@code *.parquet} under it), or a CSV file.
     */
    record EngineFile(Path file, Format format) implements TableSource {
        public enum Format { PARQUET, PARQUET_FOLDER, CSV }

        @Override
        public String describe() {
            return file.getFileName().toString() + (format == Format.PARQUET_FOLDER ? "/" : "");
        }
    }

    /**
     * A table or a {@code SELECT} of a database.
     *
     * @param url              the JDBC URL, without credentials
     * @param table            the table (or view) to read, possibly qualified ({@code public.incidents}); or null
     * @param query            a {@code SELECT} whose rows are the table's; or null
     * @param server           the id of the {@code <server>} in Maven's settings.xml holding the user name and
     *                         password; or null
     * @param userVariable     the environment variable holding the user name; or null
     * @param passwordVariable the environment variable holding the password; or null
     * @param timeoutSeconds   how long one query may run
     */
    record Database(String url, String table, String query, String server, String userVariable,
                    String passwordVariable, int timeoutSeconds) implements TableSource {

        public static final int DEFAULT_TIMEOUT = 600;

        @Override
        public String describe() {
            return url + " (" + (table != null ? "table " + table : "query") + ")";
        }

        /** The engine family, from the URL: {@code postgresql}, {@code duckdb}, {@code trino}, …. */
        public String engine() {
            String rest = url.substring("jdbc:".length());
            int colon = rest.indexOf(':');
            return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
        }
    }
}
