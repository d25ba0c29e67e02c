/**
 * What an inline value or a cell asks of the data, as a small immutable {@link
 * org.threatreport.aggregate.query.Query}, and the {@link org.threatreport.aggregate.query.QueryExecutor}
 * contract every executor (in memory, or a SQL engine) keeps, so that the numbers agree to the digit.
 *
 * <h2>Rows</h2>
 * A query reads the rows of its table in its {@link org.threatreport.aggregate.query.Period} (a row is in
 * the year of its period cell; a row with an empty period cell only in {@code AllYears}), keeps those its
 * {@link org.threatreport.aggregate.query.Filter} keeps, and leaves out those holding a value of an
 * {@link org.threatreport.aggregate.query.Exclusion}. The remaining rows are the result's <b>base</b>: the
 * denominator of every share, one per row also for multi-category columns.
 *
 * <h2>Keys</h2>
 * Each grouping lists every key in a fixed order, also keys no row has (count 0): values in codebook order
 * (excluded values not listed), groups in the order they first appear in the codebook, months
 * ({@code yyyy-MM}) and years ({@code yyyy}) ascending over the period — for {@code AllYears}, from the
 * first to the last year any row of the whole table has in that column — and bins by number. Two
 * groupings: the second's keys vary fastest.
 *
 * <h2>Counting</h2>
 * A row counts once in each key it belongs to: a multi-category row in each value it holds and each group
 * of which it holds any value, so the counts of a multi-category column add up to more than the base.
 * An empty cell is no value: the row is in the base but in no key of that column; {@code In} and
 * {@code Range} never match it and {@code Not} keeps it. A date known only to the year (a cell
 * {@code 2017}, or a year-month {@code 2017-03} for a month) is in its year (its month): it counts in
 * {@code Years}, is within the period {@code 2017}, and is in no {@code Months} key.
 *
 * <h2>Measures</h2>
 * Measures read integer and decimal columns and use only the non-empty cells of the key's rows
 * ({@code n}); with {@code n = 0} there is no value (null), never 0, NaN or infinity. Values are exact
 * decimals: an integer cell is the integer; a decimal cell is the number as written (up to 15 significant
 * digits; beyond, the nearest binary double, as Java's {@code Double.parseDouble} reads it).
 * {@code Sum}, {@code Min} and {@code Max} are exact; {@code Mean} is the exact sum divided by {@code n}
 * to 16 significant digits, rounded half-even ({@code MathContext.DECIMAL64}); {@code Percentile} is
 * linear interpolation between the closest ranks, exact — pandas' and NumPy's default
 * ({@code quantile(q, interpolation="linear")}), PostgreSQL's {@code percentile_cont(q)}, DuckDB's
 * {@code quantile_cont(x, q)}, with {@code q = percent / 100}: with the {@code n} cells sorted
 * {@code x[0] ≤ … ≤ x[n-1]} and {@code h = (n - 1) · q}, the value is
 * {@code x[⌊h⌋] + (h - ⌊h⌋) · (x[⌊h⌋+1] - x[⌊h⌋])} (just {@code x[h]} when {@code h} is whole).
 *
 * <h2>Printing, and agreeing</h2>
 * Nothing is rounded before it is printed. A share is {@code count · 100 / base} rounded half-up to its
 * decimals (1 unless the text asks for others; base 0 prints 0.0%); a share whose base is below the
 * query's {@code minN} is not printed as a percentage. A measure prints rounded half-up to at most one
 * decimal unless the text asks for others. Two executors agree when every value prints the same: an
 * executor that computes in binary floating point (a SQL engine's {@code DOUBLE}) must be exact to well
 * below the printed digit, e.g. by summing decimal columns as {@code DECIMAL}.
 */
package org.threatreport.aggregate.query;
