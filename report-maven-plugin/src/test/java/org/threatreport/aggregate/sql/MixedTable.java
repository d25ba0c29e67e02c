package org.threatreport.aggregate.sql;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;

/**
 * A generated table of every column type — partial dates over several years, categories with groups,
 * multi-category cells with spaces and repeats, integers, decimals, booleans, empty cells — and the
 * queries that exercise every part of the query model on it, for proving that executors agree.
 */
final class MixedTable {

    static final String SCHEMA = """
            table: events
            id: id
            columns:
              - {name: id, type: text, required: true}
              - {name: day, type: date, partial: true}
              - name: sector
                type: category
                values:
                  - {value: Bank, group: Finance}
                  - {value: Insurer, group: Finance}
                  - Hospital
                  - {value: School, group: Public}
                  - {value: Unknown}
              - name: tactics
                type: multi-category
                separator: ";"
                values: [Phishing, Malware, {value: DDoS, group: Noise}, {value: Scan, group: Noise}, Insider]
              - {name: records, type: integer}
              - {name: cost, type: decimal}
              - {name: paid, type: boolean}
              - {name: note, type: text}
            """;

    private static final String[] SECTORS = {"Bank", "Insurer", "Hospital", "School", "Unknown", ""};
    private static final String[] TACTICS = {"Phishing", "Malware", "DDoS", "Scan", "Insider"};
    private static final String[] COSTS = {"12.5", "3.25", "-1.75", "0", "0.1", "0.2", "1234.56", "7", "2.675", "99.95"};

    private MixedTable() {
    }

    /** Writes {@code rows} rows (seeded) as events.csv with its schema into {@code folder}. */
    static void write(Path folder, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("id,day,sector,tactics,records,cost,paid,note\n");
        for (int i = 0; i < rows; i++) {
            int year = 2015 + random.nextInt(4);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            String date = switch (random.nextInt(10)) {
                case 0 -> "";
                case 1 -> Integer.toString(year);
                case 2 -> String.format("%d-%02d", year, month);
                default -> String.format("%d-%02d-%02d", year, month, day);
            };
            StringBuilder tactics = new StringBuilder();
            int parts = random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                tactics.append(p == 0 ? "" : random.nextBoolean() ? ";" : "; ").append(TACTICS[random.nextInt(TACTICS.length)]);
            }
            String records = random.nextInt(8) == 0 ? "" : Integer.toString(random.nextInt(2000) - 100);
            String cost = random.nextInt(6) == 0 ? "" : COSTS[random.nextInt(COSTS.length)];
            String paid = random.nextInt(5) == 0 ? "" : Boolean.toString(random.nextBoolean());
            csv.append("E-").append(i).append(',').append(date).append(',').append(SECTORS[random.nextInt(SECTORS.length)])
                    .append(",\"").append(tactics).append("\",").append(records).append(',').append(cost).append(',')
                    .append(paid).append(",note ").append(random.nextInt(3)).append('\n');
        }
        Files.writeString(folder.resolve("events.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("events.schema.yaml"), SCHEMA, StandardCharsets.UTF_8);
    }

    /** Queries over every kind of period, filter, grouping, exclusion and measure. */
    static List<Query> queries() {
        Query all = Query.of("events");
        Query year = all.in(Period.year("day", 2017));
        List<Query> queries = new ArrayList<>();
        queries.add(all);
        queries.add(year);
        queries.add(all.in(Period.years("day", 2015, 2016)));
        for (Query base : List.of(all, year)) {
            queries.add(base.by(new Grouping.Values("sector")));
            queries.add(base.by(new Grouping.Groups("sector")));
            queries.add(base.by(new Grouping.Values("tactics")));
            queries.add(base.by(new Grouping.Groups("tactics")));
            queries.add(base.by(new Grouping.Months("day")));
            queries.add(base.by(new Grouping.Years("day")));
            queries.add(base.by(new Grouping.Bins("records", List.of(BigDecimal.ZERO, new BigDecimal("100.5"),
                    BigDecimal.valueOf(1000), BigDecimal.valueOf(1899)))));
            queries.add(base.by(new Grouping.Bins("cost", List.of(new BigDecimal("-1.75"), BigDecimal.ZERO,
                    new BigDecimal("2.675"), BigDecimal.valueOf(100)))));
            queries.add(base.by(new Grouping.Values("sector")).by(new Grouping.Values("tactics")));
            queries.add(base.by(new Grouping.Groups("tactics")).by(new Grouping.Values("tactics")));
            queries.add(base.by(new Grouping.Values("sector")).by(new Grouping.Months("day")));
        }
        List<Filter> filters = List.of(
                new Filter.In("sector", List.of("Finance")),
                new Filter.In("sector", List.of("Hospital", "School")),
                new Filter.Not(new Filter.In("sector", List.of("Bank"))),
                new Filter.In("tactics", List.of("Noise")),
                new Filter.Not(new Filter.In("tactics", List.of("Phishing", "Malware"))),
                new Filter.In("day", List.of("2016")),
                new Filter.In("day", List.of("2017-03", "2018-02-14")),
                new Filter.Not(new Filter.In("day", List.of("2017"))),
                new Filter.Range("day", "2016-03", "2017-06"),
                new Filter.Range("day", "2017-02-10", null),
                new Filter.In("records", List.of("7", "100.0", "3.5")),
                new Filter.Range("records", "10.5", "500"),
                new Filter.Not(new Filter.Range("records", null, "0")),
                new Filter.In("cost", List.of("12.50", "0.1")),
                new Filter.Range("cost", "0.1", "99.95"),
                new Filter.In("paid", List.of("true")),
                new Filter.Not(new Filter.In("paid", List.of("false"))),
                new Filter.In("note", List.of("note 1")),
                new Filter.Not(new Filter.And(List.of(new Filter.In("sector", List.of("Bank")),
                        new Filter.In("tactics", List.of("DDoS"))))));
        for (Filter filter : filters) {
            queries.add(all.where(filter));
            queries.add(year.where(filter).by(new Grouping.Values("tactics")));
        }
        queries.add(all.excluding(new Exclusion("sector", List.of("Unknown"))).by(new Grouping.Values("sector")));
        queries.add(all.excluding(new Exclusion("tactics", List.of("Noise"))).by(new Grouping.Groups("tactics")));
        queries.add(year.excluding(new Exclusion("sector", List.of("Finance"))).by(new Grouping.Groups("sector")).withMinN(30));
        List<Measure> measures = new ArrayList<>();
        for (String column : List.of("records", "cost")) {
            measures.add(new Measure.Sum(column));
            measures.add(new Measure.Mean(column));
            measures.add(new Measure.Min(column));
            measures.add(new Measure.Max(column));
            measures.add(Measure.median(column));
            measures.add(new Measure.Percentile(column, new BigDecimal("25")));
            measures.add(new Measure.Percentile(column, new BigDecimal("90")));
            measures.add(new Measure.Percentile(column, new BigDecimal("33.3")));
            measures.add(new Measure.Percentile(column, BigDecimal.ZERO));
            measures.add(new Measure.Percentile(column, BigDecimal.valueOf(100)));
        }
        for (Measure measure : measures) {
            queries.add(all.measuring(measure));
            queries.add(year.measuring(measure).by(new Grouping.Values("sector")));
            queries.add(all.measuring(measure).by(new Grouping.Values("tactics")));
            queries.add(year.where(new Filter.In("tactics", List.of("Noise"))).measuring(measure)
                    .by(new Grouping.Groups("sector")).by(new Grouping.Years("day")));
        }
        return queries;
    }
}
