package org.threatreport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.SchemaReader;
import org.threatreport.diagnostic.Problems;

/** A data file that may have been cut short inside its last row is not read as if it were whole, silently. */
class CutShortFileTest {

    private static List<String> problems(Path dir, String csv) throws Exception {
        Files.writeString(dir.resolve("t.schema.yaml"), "table: t\nid: id\ncolumns:\n  - {name: id, type: text}\n"
                + "  - {name: date, type: date}\n  - {name: summary, type: text}\n");
        Files.writeString(dir.resolve("t.csv"), csv);
        Problems problems = new Problems();
        CsvTableReader.read(SchemaReader.read(dir.resolve("t.schema.yaml")), OptionalInt.of(2017), problems);
        return problems.list().stream().map(p -> p.format(dir)).toList();
    }

    @Test
    void aLastRowWithoutALineBreakIsAWarningAtThatRow(@TempDir Path dir) throws Exception {
        assertEquals(List.of("t.csv:3: warning: the file does not end with a line break: if it was cut short, this last"
                        + " row is incomplete; end the file with a line break once it is whole"),
                problems(dir, "id,date,summary\nr1,2017-01-01,whole\nr2,2017-01-02,cut in the midd"));
    }

    @Test
    void aFileEndingWithALineBreakIsWhole(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), problems(dir, "id,date,summary\nr1,2017-01-01,whole\r\nr2,2017-01-02,whole too\r\n"));
    }

    @Test
    void aQuotedValueCutShortIsAnError(@TempDir Path dir) throws Exception {
        assertEquals(List.of("t.csv:3:15: error: a quoted value starts here but its closing '\"' is missing"),
                problems(dir, "id,date,summary\nr1,2017-01-01,whole\nr2,2017-01-02,\"cut in the midd"));
    }
}
