package org.threatreport.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The report-series fixture's data is what {@link SeriesIncidents} makes, so it can be made again and reviewed. */
class SeriesIncidentsTest {

    static final Path COMMITTED = Path.of("src/it/report-series/data/incidents.csv");

    @Test
    void theCommittedFileIsWhatTheGeneratorMakes() throws IOException {
        assertEquals(SeriesIncidents.csv(), Files.readString(COMMITTED, StandardCharsets.UTF_8),
                "src/it/report-series/data/incidents.csv differs from what SeriesIncidents makes; make it again with: "
                        + "java -cp target/test-classes org.threatreport.testing.SeriesIncidents " + COMMITTED);
    }

    @Test
    void twoThousandRowsOverFiveYearsEachKnownAtLeastToItsYear() {
        List<String> lines = SeriesIncidents.csv().lines().skip(1).toList();
        Map<String, Integer> perYear = new TreeMap<>();
        int onlyYear = 0;
        int onlyMonth = 0;
        for (String line : lines) {
            String date = line.split(",", -1)[1];
            perYear.merge(date.substring(0, 4), 1, Integer::sum);
            onlyYear += date.length() == 4 ? 1 : 0;
            onlyMonth += date.length() == 7 ? 1 : 0;
        }
        assertEquals(Map.of("2013", 300, "2014", 340, "2015", 390, "2016", 430, "2017", 540), perYear);
        assertTrue(onlyYear > 0 && onlyMonth > 0, "some dates are known only to the year, some only to the month");
    }
}
