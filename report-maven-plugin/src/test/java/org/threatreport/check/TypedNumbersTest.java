package org.threatreport.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threatreport.aggregate.TableView;
import org.threatreport.aggregate.Wording;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Chapter;
import org.threatreport.testing.Strictly;

/**
 * Numbers typed in the prose that equal a computed value are found, with their column, against the
 * flagship data (199 incidents; 政府部门 59, 29.6%); years, dates, ranks, approximations, list
 * markers, heading numbers, code, links and inline values are not.
 */
class TypedNumbersTest {

    static TypedNumbers numbers;

    @BeforeAll
    static void load() throws Exception {
        DataSet data = Strictly.data(Path.of("../data"), OptionalInt.of(2017));
        Map<String, TableView> views = new TreeMap<>();
        data.inMemory().forEach((name, table) -> views.put(name, TableView.of(table, Wording.forLanguage("zh-CN"), 2017)));
        numbers = new TypedNumbers(ComputedValues.of(data.tables(), views));
    }

    private static List<String> findings(String template) {
        Chapter chapter = new Chapter("01-test", Path.of("content/01-test.md"), "Test", "", template, List.of());
        List<Problem> found = new ArrayList<>();
        numbers.check(chapter, ProseText.of(template), found);
        return found.stream().map(p -> p.line() + ":" + p.column() + " " + p.message()).toList();
    }

    @Test
    void aCountAndAShareTypedByHand() {
        List<String> found = findings("\n政府部门共 59 起（29.6%），全年共199起。");

        assertEquals(List.of(
                "2:7 \"59\" is typed by hand; it equals the count of 政府部门 — write it as a computed value,"
                        + " e.g. ${incidents.count(\"industry\", \"政府部门\")}",
                "2:12 \"29.6%\" is typed by hand; it equals the share of 政府部门 — write it as a computed value,"
                        + " e.g. ${incidents.share(\"industry\", \"政府部门\")}",
                "2:22 \"199\" is typed by hand; it equals the number of rows of incidents — write it as a computed"
                        + " value, e.g. ${incidents.count()}"), found);
    }

    @Test
    void aShareWithoutDecimalsIsComparedWithoutDecimals() {
        assertEquals(List.of("1:7 \"30%\" is typed by hand; it equals the share of 政府部门 and the share of 弱口令"
                + " — write it as a computed value, e.g. ${incidents.share(\"industry\", \"政府部门\").digits(0)}"),
                findings("政府部门占 30%。"));
    }

    @Test
    void whatIsNotAComputedValue() {
        assertEquals(List.of(), findings(String.join("\n",
                "2017 年，${incidents.count()} 起，${incidents.count(\"industry\", \"政府部门\")} 起。",
                "3 月至 10 月；第 59 位；前 59 名；约 59 起；59 余起；超过 59 次；100 余家；5 起；3.5 倍；100%。",
                "IPv6、MS17-059、CVE-2017-0199、10:59、Windows 10。",
                "`59 起` 与 <#-- 59 起 --> 与 <!-- 59 --> 与 <#if incidents.count() gt 59>多</#if>。",
                "[链接](59.html#fig-59) 与 https://example.com/199 与 @fig-industry。",
                "59. 列表项",
                "## 59 标题",
                "```",
                "59 起",
                "```")));
    }

    @Test
    void theFlagshipTypesNoComputedNumberByHand() throws Exception {
        for (String name : List.of("index.md", "01-preface.md", "02-monitoring.md", "03-services.md", "04-appendix.md")) {
            String text = java.nio.file.Files.readString(Path.of("../content").resolve(name));
            assertEquals(List.of(), findings(text), name);
        }
    }
}
