package org.threatreport.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.Strictly;

/** Every kind of bad data stops the build with all its problems, each located and explained. */
class DataValidationTest {

    static final Path DATA = Path.of("src/test/resources/data");
    static final Path BAD = DATA.resolve("bad");

    static LoadedTable readWithGoodSchema(String csv) throws InputException {
        Schema good = SchemaReader.read(DATA.resolve("good/incidents.schema.yaml"));
        Schema schema = new Schema(good.table(), good.schemaFile(), BAD.resolve(csv), good.encoding(),
                good.idColumn(), good.labels(), good.columns(), good.periodColumn(), true);
        return Strictly.read(schema, OptionalInt.of(2017));
    }

    static List<String> problems(String csv) {
        InputException e = assertThrows(InputException.class, () -> readWithGoodSchema(csv));
        return e.describe(DATA).lines().toList();
    }

    static List<Arguments> badFiles() {
        return List.of(
                Arguments.of("ragged.csv", List.of(
                        "bad/ragged.csv:3:1: error: this row has 8 fields, the header has 9 (a missing comma, or a comma inside a value that is not quoted?)")),
                Arguments.of("unclosed-quote.csv", List.of(
                        "bad/unclosed-quote.csv:3:15: error: a quoted value starts here but its closing '\"' is missing")),
                Arguments.of("unknown-category.csv", List.of(
                        "bad/unknown-category.csv:2:15: error: unknown industry '金融机购' (did you mean '金融机构'?); expected one of: 政府部门, 金融机构, IT",
                        "bad/unknown-category.csv:3:20: error: unknown scope '网页'; expected one of: 外部网站, 内部网站, 办公终端",
                        "bad/unknown-category.csv:3:23: error: unknown tags '漏铜' (did you mean '漏洞'?); expected one of: 弱口令, 漏洞, 钓鱼")),
                Arguments.of("bad-date.csv", List.of(
                        "bad/bad-date.csv:2:4: error: '2017-13-01' in column 'date' is not a date; expected yyyy-MM-dd, e.g. 2017-03-15",
                        "bad/bad-date.csv:3:4: error: date 2016-12-31 in column 'date' is outside the report's year 2017",
                        "bad/bad-date.csv:4:4: error: '17/3/2017' in column 'date' is not a date; expected yyyy-MM-dd, e.g. 2017-03-15",
                        "bad/bad-date.csv:4:34: error: '2017-1' in column 'month' is not a year-month; expected yyyy-MM, e.g. 2017-03")),
                Arguments.of("required-empty.csv", List.of(
                        "bad/required-empty.csv:2:15: error: column 'industry' is required but this cell is empty",
                        "bad/required-empty.csv:3:1: error: column 'id' is required but this cell is empty")),
                Arguments.of("duplicate-id.csv", List.of(
                        "bad/duplicate-id.csv:4:1: error: duplicate id 'A1'; first used on line 2")),
                Arguments.of("header.csv", List.of(
                        "bad/header.csv:1:1: error: the header lacks column 'industry' of incidents.schema.yaml; expected: id,date,industry,scope,tags,cost,hosts,resolved,month",
                        "bad/header.csv:1:1: error: the header lacks column 'month' of incidents.schema.yaml; expected: id,date,industry,scope,tags,cost,hosts,resolved,month",
                        "bad/header.csv:1:9: error: the header has a column 'industy' that incidents.schema.yaml does not describe (did you mean 'industry'?)")),
                Arguments.of("gbk.csv", List.of(
                        "bad/gbk.csv:2:15: error: this file is not valid UTF-8 (byte 69). It looks like GBK/GB18030 (as saved by a Chinese Excel): save it as \"CSV UTF-8\", or declare 'encoding: GBK' in incidents.schema.yaml.")),
                Arguments.of("empty.csv", List.of(
                        "bad/empty.csv:1:1: error: the file is empty; expected a header row: id,date,industry,scope,tags,cost,hosts,resolved,month")),
                Arguments.of("bad-numbers.csv", List.of(
                        "bad/bad-numbers.csv:2:26: error: 'abc' in column 'cost' is not a number, e.g. 3.5",
                        "bad/bad-numbers.csv:2:30: error: '1.5' in column 'hosts' is not a whole number, e.g. 42",
                        "bad/bad-numbers.csv:2:34: error: 'yes' in column 'resolved' is not a boolean; expected true or false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsEveryProblemOfABadFile(String csv, List<String> expected) {
        assertEquals(expected, problems(csv));
    }

    @Test
    void readsAGbkFileWhenTheSchemaDeclaresIt() throws InputException {
        Schema good = SchemaReader.read(DATA.resolve("good/incidents.schema.yaml"));
        Schema gbk = new Schema(good.table(), good.schemaFile(), BAD.resolve("gbk.csv"),
                java.nio.charset.Charset.forName("GBK"), good.idColumn(), good.labels(), good.columns());
        LoadedTable table = Strictly.read(gbk, OptionalInt.of(2017));
        assertEquals("政府部门", table.table().stringColumn("industry").get(0));
    }

    @Test
    void reportsEveryMistakeOfASchema() {
        InputException e = assertThrows(InputException.class,
                () -> SchemaReader.read(BAD.resolve("unknown-type.schema.yaml")));
        assertEquals(List.of(
                "bad/unknown-type.schema.yaml:3:22: error: unknown type 'txt' (did you mean 'text'?); expected one of date, year-month, category, multi-category, integer, decimal, boolean, text",
                "bad/unknown-type.schema.yaml:4:59: error: value '政府部门' of column 'industry' is listed twice",
                "bad/unknown-type.schema.yaml:5:12: error: column 'id' is listed twice",
                "bad/unknown-type.schema.yaml:6:5: error: multi-category column 'tags' needs a 'separator', e.g. \";\"",
                "bad/unknown-type.schema.yaml:7:30: error: unknown key 'requird' (did you mean 'required'?); expected one of name, type, label, required, values, separator, partial"),
                e.describe(DATA).lines().toList());
    }
}
