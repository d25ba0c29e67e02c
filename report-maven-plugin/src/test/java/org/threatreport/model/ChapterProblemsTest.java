package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.Strictly;

/**
 * Every mistake in a chapter or a cell stops the build with a problem located at the line and column
 * to fix, naming the valid choices. Each case is a content folder under {@code model/<case>/}.
 */
class ChapterProblemsTest {

    private static final String COLUMNS = "id, date, industry, scope, tags, cost, hosts, resolved, month";

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("unknown-column", List.of(
                        "01-cells.md:7:9: error: unknown column 'industy' (did you mean 'industry'?); the columns of incidents are " + COLUMNS)),
                Arguments.of("unknown-chart", List.of(
                        "01-cells.md:7:8: error: unknown chart type 'pi' (did you mean 'pie'?); expected one of bar, column, stacked, line, pie, donut, histogram")),
                Arguments.of("unknown-option", List.of(
                        "01-cells.md:8:1: error: unknown option 'heigth' of a {figure} cell (did you mean 'height'?); expected one of id, chart, table, column, stack, groups, sort, top, where, axis, labels, caption, alt, width, height, years, per, measure, value, exclude, zeros, min-n, n, note, bins, scale",
                        "01-cells.md:14:1: error: unknown option 'chart' of a {table} cell; expected one of id, table, column, groups, sort, top, where, caption, alt, width, height, years, per, measure, value, exclude, zeros, min-n, n, note")),
                Arguments.of("top-zero", List.of(
                        "01-cells.md:8:6: error: 'top' keeps the N largest entries: expected a whole number 1 or more, not '0'")),
                Arguments.of("missing-caption", List.of(
                        "01-cells.md:6:1: error: a figure needs a 'caption': one line saying what it shows")),
                Arguments.of("unknown-where-value", List.of(
                        "01-cells.md:8:19: error: unknown value '金融机购' of column 'industry' (did you mean '金融机构'?); expected one of 政府部门, 金融机构, IT")),
                Arguments.of("unknown-kind", List.of(
                        "01-cells.md:5:4: error: unknown cell kind '{figur}' (did you mean 'figure'?); expected {figure}, {table} or {keynumbers}")),
                Arguments.of("bad-id", List.of(
                        "01-cells.md:6:5: error: id 'industry' should start with 'fig-' and use only a-z, 0-9 and '-', e.g. fig-industry",
                        "01-cells.md:12:1: error: the cell needs an 'id', e.g. 'id: tbl-industry'")),
                Arguments.of("duplicate-id", List.of(
                        "02-second.md:7:1: error: id 'fig-industry' is already used by the cell at 01-first.md:5")),
                Arguments.of("unknown-reference", List.of(
                        "01-refs.md:5:7: error: no figure or table has id 'fig-indstry' (did you mean 'fig-industry'?)",
                        "01-refs.md:5:24: error: no figure or table has id 'tbl-nothing-like-it'")),
                Arguments.of("abstract-reference", List.of(
                        "index.md:1:11: error: no figure or table has id 'fig-nope'")),
                Arguments.of("unclosed-fence", List.of(
                        "01-cells.md:5:1: error: the cell opened here is never closed with ```")),
                Arguments.of("missing-title", List.of(
                        "01-no-title.md:1:1: error: the chapter has no title: start it with a front matter '---', 'title: …', '---'",
                        "02-no-front-matter.md:1:1: error: the chapter has no title: start it with a front matter '---', 'title: …', '---'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMistakeIsLocatedAndExplained(String name, List<String> expected) throws Exception {
        assertEquals(expected, ModelFixture.problems(name));
    }

    @Test
    void everyProblemOfEveryChapterComesInOneException() throws Exception {
        assertEquals(List.of(
                "01-many.md:3:1: error: unknown front matter key 'subtitle'; expected one of title, numbered",
                "01-many.md:6:3: error: no figure or table has id 'fig-missing'",
                "01-many.md:9:1: error: a figure needs a 'caption': one line saying what it shows",
                "01-many.md:10:8: error: unknown chart type 'bars' (did you mean 'bar'?); expected one of bar, column, stacked, line, pie, donut, histogram",
                "01-many.md:11:9: error: unknown column 'industy' (did you mean 'industry'?); the columns of incidents are " + COLUMNS,
                "01-many.md:12:6: error: 'top' keeps the N largest entries: expected a whole number 1 or more, not '0'",
                "01-many.md:18:19: error: unknown value '金融机购' of column 'industry' (did you mean '金融机构'?); expected one of 政府部门, 金融机构, IT",
                "01-many.md:24:9: error: unknown column 'tag' (did you mean 'tags'?); the columns of incidents are " + COLUMNS,
                "01-many.md:25:1: error: unknown option 'axis' of a {table} cell; expected one of id, table, column, groups, sort, top, where, caption, alt, width, height, years, per, measure, value, exclude, zeros, min-n, n, note",
                "02-more.md:5:9: error: no figure or table has id 'tbl-tag' (did you mean 'tbl-tags'?)",
                "02-more.md:9:9: error: column 'cost' is decimal; a cell counts a category, multi-category or date column"),
                ModelFixture.problems("many-problems"));
    }

    @Test
    void reportYamlMistakesAreReportedTogether() {
        InputException e = assertThrows(InputException.class,
                () -> Strictly.info(ModelFixture.CASES.resolve("bad-report-yaml"), "1.0"));
        assertEquals(List.of(
                "report.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?); expected one of title, subtitle, organisation, date, year, language, keywords, description, min-n",
                "report.yaml:1:1: error: 'title' is required",
                "report.yaml:2:7: error: '2018-13-01' is not a date; expected yyyy-MM-dd, e.g. 2018-08-13",
                "report.yaml:3:7: error: 'year' is the year the data covers (e.g. 2017): expected a whole number from 1900 to 2200, not '二〇一七'",
                "report.yaml:4:11: error: unsupported language 'zh'; expected one of zh-CN, en"),
                e.describe(ModelFixture.CASES.resolve("bad-report-yaml")).lines().toList());
    }

    // --- bugs ----------------------------------------------------------------------------------

    @Test
    void aMissingTitleDoesNotHideTheChaptersOtherProblems() throws Exception {
        assertEquals(List.of(
                "01-cells.md:1:1: error: the chapter has no title: start it with a front matter '---', 'title: …', '---'",
                "01-cells.md:5:9: error: unknown column 'industy' (did you mean 'industry'?); the columns of incidents are " + COLUMNS),
                ModelFixture.problems("missing-title-and-bad-cell"));
    }

    @Test
    void anUnknownWhereColumnIsLocatedAtItsKeyAndListsTheColumns() throws Exception {
        List<String> problems = ModelFixture.problems("unknown-where-column");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("01-cells.md:8:9: error: unknown column 'area'"), problems.get(0));
        assertTrue(problems.get(0).endsWith("the columns of incidents are " + COLUMNS), problems.get(0));
    }
}
