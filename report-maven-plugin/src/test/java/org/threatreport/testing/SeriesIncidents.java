package org.threatreport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The incidents of the report-series fixture ({@code src/it/report-series/data/incidents.csv}): 2,000
 * invented incidents of an invented organisation over 2013–2017, made with a fixed seed. Multi-valued
 * actions, a heavy-tailed "records" column, a skewed "dwell_days" column (both sometimes empty), dates
 * that sometimes give only the month or only the year, a real value "Other", and an actor "Unknown".
 * {@code SeriesIncidentsTest} holds the committed file to what this makes; to make it again:
 * {@code java -cp target/test-classes org.threatreport.testing.SeriesIncidents src/it/report-series/data/incidents.csv}.
 */
public final class SeriesIncidents {

    static final long SEED = 20171231L;
    static final int[] YEARS = {2013, 2014, 2015, 2016, 2017};
    static final int[] ROWS = {300, 340, 390, 430, 540};
    static final String[] INDUSTRIES = {"Finance", "Healthcare", "Public sector", "Retail", "Manufacturing", "Education",
            "Hospitality", "Other"};
    static final double[] INDUSTRY_WEIGHTS = {22, 16, 17, 14, 10, 8, 5, 8};
    static final String[] ACTORS = {"External", "Internal", "Partner", "Unknown"};
    static final double[] ACTOR_WEIGHTS = {70, 15, 5, 10};
    static final String[] ACTIONS = {"Hacking", "Malware", "Social", "Error", "Misuse", "Physical"};
    static final double[] ACTION_ODDS = {0.45, 0.35, 0.25, 0.12, 0.08, 0.03};

    private SeriesIncidents() {
    }

    /** The CSV text, header first, rows in date order within each year. */
    public static String csv() {
        StringBuilder csv = new StringBuilder();
        try {
            write(csv, YEARS, ROWS, SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder throws none
        }
        return csv.toString();
    }

    /**
     * Incidents made the same way for other years and sizes (the benchmark's large tables): {@code rows[i]}
     * rows of {@code years[i]}, header first, rows in date order within each year.
     */
    public static void write(Appendable csv, int[] years, int[] rows, long seed) throws IOException {
        Random random = new Random(seed);
        csv.append("id,date,industry,actor,action,records,dwell_days,summary\n");
        for (int y = 0; y < years.length; y++) {
            int year = years[y];
            List<int[]> days = new ArrayList<>();
            for (int i = 0; i < rows[y]; i++) {
                days.add(new int[] {1 + random.nextInt(12), 1 + random.nextInt(28)});
            }
            days.sort((a, b) -> a[0] != b[0] ? a[0] - b[0] : a[1] - b[1]);
            for (int i = 0; i < rows[y]; i++) {
                String id = String.format(Locale.ROOT, "NW-%d-%04d", year, i + 1);
                double precision = random.nextDouble();
                String date = precision < 0.05 ? Integer.toString(year)
                        : precision < 0.13 ? String.format(Locale.ROOT, "%d-%02d", year, days.get(i)[0])
                        : String.format(Locale.ROOT, "%d-%02d-%02d", year, days.get(i)[0], days.get(i)[1]);
                // Healthcare grows year by year, Retail shrinks.
                double[] weights = INDUSTRY_WEIGHTS.clone();
                weights[1] += 3 * y;
                weights[3] = Math.max(1, weights[3] - 2 * y); // stays positive over ten years
                String industry = pick(random, INDUSTRIES, weights);
                String actor = pick(random, ACTORS, ACTOR_WEIGHTS);
                List<String> actions = new ArrayList<>();
                for (int a = 0; a < ACTIONS.length; a++) {
                    if (random.nextDouble() < ACTION_ODDS[a]) {
                        actions.add(ACTIONS[a]);
                    }
                }
                if (actions.isEmpty()) {
                    actions.add(ACTIONS[random.nextInt(3)]);
                }
                // StrictMath: the same digits on every JVM and processor (Math.exp may differ in the last bit).
                String records = random.nextDouble() < 0.25 ? ""
                        : random.nextDouble() < 0.06 ? "0"
                        : Long.toString(Math.min(1_000_000_000L, (long) Math.floor(StrictMath.exp(6 + 2.5 * random.nextGaussian()))));
                String dwell = random.nextDouble() < 0.15 ? ""
                        : Long.toString((long) Math.floor(StrictMath.exp(3.5 + 1.2 * random.nextGaussian())));
                String sector = industry.toLowerCase(Locale.ROOT);
                String summary = actor + " " + String.join(" and ", actions).toLowerCase(Locale.ROOT)
                        + (sector.matches("[aeiou].*") ? " at an " : " at a ") + sector + " organisation";
                csv.append(id).append(',').append(date).append(',').append(industry).append(',').append(actor).append(',')
                        .append(String.join(";", actions)).append(',').append(records).append(',').append(dwell)
                        .append(',').append(summary).append('\n');
            }
        }
    }

    private static String pick(Random random, String[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), csv(), StandardCharsets.UTF_8);
    }
}
