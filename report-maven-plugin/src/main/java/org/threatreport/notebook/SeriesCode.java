package org.threatreport.notebook;

/**
 * The notebook helpers for the numbers beyond one year's counts per value: other years, filters by lists,
 * negations and ranges, values left out, measures of a number column, bins, and several series (one per
 * year or per value) with their changes. Each is Java text for the setup cells, declared only when a cell
 * of the notebook uses it; the rules are the report's (see the README, "A report series").
 */
final class SeriesCode {

    private SeriesCode() {
    }

    static final String YEARS = """

            /** The rows whose date (or year-month) lies in the years first to last: the year of a cell is its first 4 characters. */
            Table inYears(Table table, String column, int first, int last) {
                return table.where(table.stringColumn(column).eval(cell -> !cell.isBlank()
                        && Integer.parseInt(cell.substring(0, 4)) >= first && Integer.parseInt(cell.substring(0, 4)) <= last));
            }
            """;

    static final String WHERE_ANY = """

            /** Only the rows whose column holds any of the values (or a value of such a group). */
            Table whereAny(Table table, Category category, String... values) {
                return table.where(table.stringColumn(category.column())
                        .eval(cell -> Arrays.stream(values).anyMatch(v -> category.holds(cell, v))));
            }
            """;

    static final String WHERE_NOT = """

            /** Only the rows whose column holds none of the values (an empty cell holds none). */
            Table whereNot(Table table, Category category, String... values) {
                return table.where(table.stringColumn(category.column())
                        .eval(cell -> Arrays.stream(values).noneMatch(v -> category.holds(cell, v))));
            }
            """;

    static final String WHERE_TEXT = """

            /** Only the rows whose cell is one of the texts (for a date: lies in one of the periods yyyy, yyyy-MM, yyyy-MM-dd). */
            Table whereText(Table table, String column, boolean date, boolean negated, String... values) {
                return table.where(table.stringColumn(column).eval(cell -> negated != Arrays.stream(values)
                        .anyMatch(v -> !cell.isBlank() && (date ? cell.startsWith(v) : cell.equals(v)))));
            }
            """;

    static final String BETWEEN = """

            /** Only the rows whose number lies from `from` to `to` (both included; null: no bound); empty cells never. */
            Table between(Table table, String column, String from, String to) {
                return table.where(table.stringColumn(column).eval(cell -> {
                    if (cell.isBlank()) {
                        return false;
                    }
                    BigDecimal value = new BigDecimal(cell.strip());
                    return (from == null || value.compareTo(new BigDecimal(from)) >= 0)
                            && (to == null || value.compareTo(new BigDecimal(to)) <= 0);
                }));
            }
            """;

    static final String DURING = """

            /** The first and last day a date cell (yyyy-MM-dd, yyyy-MM or yyyy) covers. */
            java.time.LocalDate[] period(String text) {
                String t = text.strip();
                if (t.length() == 4) {
                    return new java.time.LocalDate[] {java.time.LocalDate.of(Integer.parseInt(t), 1, 1),
                            java.time.LocalDate.of(Integer.parseInt(t), 12, 31)};
                }
                if (t.length() == 7) {
                    java.time.YearMonth month = java.time.YearMonth.parse(t);
                    return new java.time.LocalDate[] {month.atDay(1), month.atEndOfMonth()};
                }
                java.time.LocalDate day = java.time.LocalDate.parse(t);
                return new java.time.LocalDate[] {day, day};
            }

            /** Only the rows whose date lies wholly from the period `from` to the period `to` (null: no bound). */
            Table during(Table table, String column, String from, String to) {
                return table.where(table.stringColumn(column).eval(cell -> !cell.isBlank()
                        && (from == null || !period(cell)[0].isBefore(period(from)[0]))
                        && (to == null || !period(cell)[1].isAfter(period(to)[1]))));
            }
            """;

    static final String NON_ZERO = """

            /** A filtered cell leaves out the values that count 0. */
            List<Count> nonZero(List<Count> counts) {
                return counts.stream().filter(c -> c.count() > 0).toList();
            }
            """;

    static final String PERIODS = """

            /** A count per period (year yyyy, or month yyyy-MM) of a date column, periods without rows included. */
            List<Count> perPeriod(Table table, String column, List<String> periods, List<String> labels) {
                return IntStream.range(0, periods.size()).mapToObj(i -> new Count(labels.get(i),
                        table.stringColumn(column).startsWith(periods.get(i)), table.rowCount())).toList();
            }
            """;

    static final String NUMBERS = """

            // Measures of a number column, exact, as the report computes them: empty cells left out; the median and
            // percentiles by linear interpolation between the closest ranks (the default of pandas, PostgreSQL percentile_cont).
            /** A value as the CSV files of the report hold it; none: empty. */
            String plain(BigDecimal value) {
                if (value == null) {
                    return "";
                }
                BigDecimal stripped = value.stripTrailingZeros();
                return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
            }

            /** A measure of some rows: its label, the rows, the value (null without cells) and the cells it used. */
            record Measured(String label, Selection rows, BigDecimal value, int n) {
                @Override
                public String toString() {
                    return label + "=" + plain(value) + " (n=" + n + ")";
                }
            }

            /** The non-empty cells of a number column among the rows. */
            List<BigDecimal> cells(Table table, Selection rows, String column) {
                StringColumn cells = table.stringColumn(column);
                List<BigDecimal> values = new ArrayList<>();
                for (int row : rows) {
                    if (!cells.get(row).isBlank()) {
                        values.add(new BigDecimal(cells.get(row).strip()));
                    }
                }
                return values;
            }

            /** sum, mean, median, min, max or pNN (a percentile) of the cells; null when there are none. */
            BigDecimal measure(String measure, List<BigDecimal> cells) {
                if (cells.isEmpty()) {
                    return null;
                }
                BigDecimal sum = cells.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                List<BigDecimal> sorted = cells.stream().sorted().toList();
                switch (measure) {
                    case "sum": return sum;
                    case "mean": return sum.divide(BigDecimal.valueOf(cells.size()), MathContext.DECIMAL64);
                    case "min": return sorted.get(0);
                    case "max": return sorted.get(sorted.size() - 1);
                    default:
                        BigDecimal percent = measure.equals("median") ? BigDecimal.valueOf(50) : new BigDecimal(measure.substring(1));
                        BigDecimal h = BigDecimal.valueOf(sorted.size() - 1L).multiply(percent).divide(BigDecimal.valueOf(100));
                        int low = h.setScale(0, RoundingMode.FLOOR).intValueExact();
                        BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
                        return fraction.signum() == 0 ? sorted.get(low)
                                : sorted.get(low).add(sorted.get(low + 1).subtract(sorted.get(low)).multiply(fraction));
                }
            }

            Measured measured(String label, Table table, Selection rows, String measure, String column) {
                List<BigDecimal> cells = cells(table, rows, column);
                return new Measured(label, rows, measure(measure, cells), cells.size());
            }
            """;

    static final String MEASURE_PER_VALUE = """

            /** A measure for each value, in the order of the codebook. */
            List<Measured> measurePerValue(Table table, Category category, String measure, String column) {
                return category.values().stream().map(v -> measured(category.label(v), table, rowsWith(table, category, v),
                        measure, column)).toList();
            }

            /** Largest value first (rows with no value last); equal values: more rows first, then in codebook order. */
            List<Measured> largestValueFirst(List<Measured> values) {
                return values.stream().sorted(Comparator.comparing(Measured::value,
                        Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                        .thenComparing(v -> v.rows().size(), Comparator.<Integer>reverseOrder())).toList();
            }

            /** The first n measures, the rows of the rest measured together as OTHER. */
            List<Measured> topValues(List<Measured> values, int n, Table table, String measure, String column) {
                if (n >= values.size()) {
                    return values;
                }
                Selection rest = new BitmapBackedSelection();
                values.subList(n, values.size()).forEach(v -> rest.or(v.rows()));
                List<Measured> kept = new ArrayList<>(values.subList(0, n));
                kept.add(measured(OTHER, table, rest, measure, column));
                return kept;
            }
            """;

    static final String MEASURE_PER_PERIOD = """

            /** A measure per period (year yyyy, or month yyyy-MM) of a date column. */
            List<Measured> measurePerPeriod(Table table, String dates, List<String> periods, List<String> labels,
                                            String measure, String column) {
                return IntStream.range(0, periods.size()).mapToObj(i -> measured(labels.get(i), table,
                        table.stringColumn(dates).startsWith(periods.get(i)), measure, column)).toList();
            }
            """;

    static final String BINS = """

            /** Rows per bin of a number column: bin i holds edges[i] to edges[i + 1] (excluded, except for the last bin). */
            List<Count> bins(Table table, String column, List<String> edges, List<String> labels) {
                List<Count> counts = new ArrayList<>();
                int base = table.stringColumn(column).eval(cell -> !cell.isBlank()).size();
                for (int i = 0; i + 1 < edges.size(); i++) {
                    BigDecimal low = new BigDecimal(edges.get(i));
                    BigDecimal high = new BigDecimal(edges.get(i + 1));
                    boolean last = i + 2 == edges.size();
                    counts.add(new Count(labels.get(i), table.stringColumn(column).eval(cell -> {
                        if (cell.isBlank()) {
                            return false;
                        }
                        BigDecimal value = new BigDecimal(cell.strip());
                        return value.compareTo(low) >= 0 && (last ? value.compareTo(high) <= 0 : value.compareTo(high) < 0);
                    }), base));
                }
                return counts;
            }
            """;

    static final String CHANGES = """

            /** A number with the report's digit grouping (declared before its use: a kernel runs each in turn). */
            String grouped(BigDecimal value) {
                java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(LOCALE);
                format.setMinimumFractionDigits(Math.max(0, value.scale()));
                format.setMaximumFractionDigits(Math.max(0, value.scale()));
                return format.format(value);
            }

            /** A change as the tables of the report print it: +23.1%, −4.0%, ±0.0%; from 0: +12; no number: —. */
            String signedChange(BigDecimal now, BigDecimal before) {
                if (now == null || before == null) {
                    return "—";
                }
                if (before.signum() == 0) {
                    return now.signum() == 0 ? "—" : "+" + grouped(now.stripTrailingZeros().scale() <= 0 ? now.setScale(0) : now.setScale(1, RoundingMode.HALF_UP));
                }
                BigDecimal percent = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
                return (percent.signum() > 0 ? "+" : percent.signum() < 0 ? "−" : "±") + grouped(percent.abs()) + "%";
            }

            """;

    static final String GRID = """

            /**
             * Numbers per label (a row of the table, a category of the chart) and name (a series: a year, or a value):
             * counts, or measures; printed label=n1,n2,… and the change of the last from the one before, when kept.
             */
            record Grid(List<String> labels, List<String> names, BigDecimal[][] numbers, boolean changes) {
                void print() {
                    for (int i = 0; i < labels.size(); i++) {
                        BigDecimal[] row = numbers[i];
                        List<String> texts = Arrays.stream(row).map(v -> plain(v)).toList();
                        String line = labels.get(i) + "=" + String.join(String.valueOf(','), texts);
                        if (changes) {
                            line = line + " " + signedChange(row[row.length - 1], row.length > 1 ? row[row.length - 2] : null);
                        }
                        System.out.println(line);
                    }
                }
            }

            /** The rows holding any of the values of a group (one value, or those folded into OTHER). */
            Selection rowsWithAny(Table table, Category category, List<String> values) {
                return table.stringColumn(category.column()).eval(cell -> values.stream().anyMatch(v -> category.holds(cell, v)));
            }

            /**
             * For each group of values (a row) and each year first..last (a column): its rows that year, or their
             * measure (measure "count": the rows).
             */
            Grid perValueAndYear(Table table, Category category, String dates, List<List<String>> groups, List<String> labels,
                                 int first, int last, String measure, String column, boolean changes) {
                List<String> names = IntStream.rangeClosed(first, last).mapToObj(String::valueOf).toList();
                BigDecimal[][] numbers = new BigDecimal[groups.size()][names.size()];
                for (int y = 0; y < names.size(); y++) {
                    Table year = inYears(table, dates, first + y, first + y);
                    for (int g = 0; g < groups.size(); g++) {
                        Selection rows = rowsWithAny(year, category, groups.get(g));
                        numbers[g][y] = measure.equals("count") ? BigDecimal.valueOf(rows.size())
                                : measure(measure, cells(year, rows, column));
                    }
                }
                return new Grid(labels, names, numbers, changes);
            }

            /** The same numbers turned: a row per year, a column per group of values (a line per value). */
            Grid turned(Grid grid, List<String> yearLabels) {
                BigDecimal[][] numbers = new BigDecimal[grid.names().size()][grid.labels().size()];
                for (int i = 0; i < grid.labels().size(); i++) {
                    for (int j = 0; j < grid.names().size(); j++) {
                        numbers[j][i] = grid.numbers()[i][j];
                    }
                }
                return new Grid(yearLabels, grid.labels(), numbers, false);
            }
            """;

    /** Tables of the new shapes: the rows as the report prints them, every cell as text. */
    static final String TEXT_TABLE = """

            /** A table of texts, one column per heading. */
            Table textTable(String title, List<String> headings, List<List<String>> rows) {
                Table table = Table.create(title);
                for (int c = 0; c < headings.size(); c++) {
                    int column = c;
                    table.addColumns(StringColumn.create(headings.get(c), rows.stream().map(r -> r.get(column)).toList()));
                }
                return table;
            }
            """;

    static final String GRID_CHART = """

            /** Bars (or lines) of a grid: a series per name. */
            CategoryChart gridChart(Grid grid, boolean line) {
                CategoryChart chart = new CategoryChartBuilder().width(720).height(400).build();
                chart.getStyler().setAxisTickLabelsFont(FONT);
                chart.getStyler().setLegendFont(FONT);
                if (line) {
                    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
                }
                for (int j = 0; j < grid.names().size(); j++) {
                    int column = j;
                    chart.addSeries(grid.names().get(j), grid.labels(), Arrays.stream(grid.numbers())
                            .map(row -> row[column] == null ? (Number) null : row[column]).toList());
                }
                return chart;
            }
            """;

    static final String VALUE_CHART = """

            /** Bars of measures, one per label. */
            CategoryChart valueChart(List<Measured> values, String title) {
                CategoryChart chart = new CategoryChartBuilder().width(720).height(400).build();
                chart.getStyler().setLegendVisible(false);
                chart.getStyler().setAxisTickLabelsFont(FONT);
                chart.getStyler().setXAxisLabelRotation(values.size() > 6 ? 90 : 0);
                chart.setYAxisTitle(title);
                chart.addSeries(title, values.stream().map(Measured::label).toList(),
                        values.stream().map(v -> v.value() == null ? (Number) null : v.value()).toList());
                return chart;
            }
            """;
}
