package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.threatreport.data.DataSet;
import org.threatreport.data.DataSetFixture;
import org.threatreport.diagnostic.InputException;
import org.threatreport.testing.Strictly;

/**
 * The content folders of {@code src/test/resources/model/<case>/}, loaded against the data stage's
 * good table ({@code incidents}: id, date, industry, scope, tags, cost, hosts, resolved, month).
 */
final class ModelFixture {

    static final Path CASES = Path.of("src/test/resources/model");

    private ModelFixture() {
    }

    static DataSet data() throws Exception {
        return new DataSet(Map.of("incidents", DataSetFixture.good()));
    }

    static ReportInfo info(String language) {
        return new ReportInfo("测试报告", "", "测试团队", LocalDate.of(2018, 1, 15), 2017, language, List.of(), "", "1.0");
    }

    static Report load(String name) throws Exception {
        return load(name, "zh-CN");
    }

    static Report load(String name, String language) throws Exception {
        return Strictly.report(CASES.resolve(name), info(language), data());
    }

    /** The problems of loading a case, one {@code file:line:column: error: message} each, files relative to the case. */
    static List<String> problems(String name) throws Exception {
        DataSet data = data();
        Path dir = CASES.resolve(name);
        InputException e = assertThrows(InputException.class, () -> Strictly.report(dir, info("zh-CN"), data));
        return e.describe(dir).lines().toList();
    }
}
