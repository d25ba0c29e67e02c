package org.threatreport.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.SchemaReader;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.Strictly;

/**
 * Eight incidents chosen so that every counting rule shows: ties whose schema order differs from
 * the order the values first appear in, a value no row has, an optional column left empty, value
 * groups plus a value without a group, and a multi-category column whose value counts add up to
 * more than its rows.
 *
 * <pre>
 * industry   政府部门 3, IT 3, 医疗卫生 1, 金融机构 1, 教育 0      (schema: 政府部门 金融机构 医疗卫生 教育 IT)
 * scope      外部网站 3, 办公终端 2, 内部网站 1, 服务器 1, empty 1  (groups: 网站 = 外部+内部 = 4, 终端 = 2)
 * techniques 弱口令 4, 漏洞 3, 木马 2, 钓鱼 2, none 1            (11 values on 7 rows)
 * date       Jan 2, Mar 3, Jul 2, Dec 1
 * </pre>
 */
final class EightIncidents {

    static final String SCHEMA = """
            table: incidents
            label: {zh: 事件, en: Incidents}
            id: id
            columns:
              - {name: id, type: text, required: true}
              - {name: date, type: date, required: true, label: {zh: 日期, en: Date}}
              - name: industry
                type: category
                required: true
                label: {zh: 行业, en: Industry}
                values: [政府部门, 金融机构, 医疗卫生, 教育, {value: IT, label: IT 信息技术}]
              - name: scope
                type: category
                label: {zh: 影响范围, en: Scope}
                values:
                  - {value: 外部网站, group: 网站}
                  - {value: 内部网站, group: 网站}
                  - {value: 办公终端, group: 终端}
                  - 服务器
              - name: techniques
                type: multi-category
                separator: ";"
                label: {zh: 攻击手法, en: Techniques}
                values: [弱口令, 漏洞, 钓鱼, 木马]
              - {name: summary, type: text}
              - {name: hosts, type: integer}
            """;

    static final String CSV = """
            id,date,industry,scope,techniques,summary,hosts
            R1,2017-01-05,IT,外部网站,弱口令;漏洞,first,1
            R2,2017-01-20,医疗卫生,内部网站,漏洞,second,2
            R3,2017-03-01,政府部门,外部网站,木马;钓鱼;弱口令,third,3
            R4,2017-03-15,IT,办公终端,钓鱼,fourth,
            R5,2017-03-31,金融机构,服务器,,fifth,5
            R6,2017-07-04,政府部门,外部网站,漏洞;弱口令,sixth,6
            R7,2017-07-10,IT,,木马,seventh,7
            R8,2017-12-31,政府部门,办公终端,弱口令,eighth,8
            """;

    private static LoadedTable table;

    private EightIncidents() {
    }

    static synchronized LoadedTable table() {
        if (table == null) {
            try {
                Path dir = Files.createTempDirectory("eight-incidents");
                Path schema = Files.writeString(dir.resolve("incidents.schema.yaml"), SCHEMA, StandardCharsets.UTF_8);
                Path csv = Files.writeString(dir.resolve("incidents.csv"), CSV, StandardCharsets.UTF_8);
                try {
                    table = Strictly.read(SchemaReader.read(schema), OptionalInt.of(2017));
                } finally {
                    Files.delete(csv);
                    Files.delete(schema);
                    Files.delete(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InputException e) {
                throw new IllegalStateException(e.describe(null), e);
            }
        }
        return table;
    }

    /** The table as a Chinese report of 2017 sees it. */
    static TableView zh() {
        return TableView.of(table(), Wording.forLanguage("zh-CN"), 2017);
    }

    static TableView en() {
        return TableView.of(table(), Wording.forLanguage("en"), 2017);
    }
}
