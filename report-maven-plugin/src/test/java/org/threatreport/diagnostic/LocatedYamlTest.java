package org.threatreport.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocatedYamlTest {

    private static final Path HERE = Path.of("").toAbsolutePath();
    private static final Path FILE = HERE.resolve("chapter.md");

    /** LocatedYaml builds its tree itself; it must be the tree Jackson's own reader makes. */
    @ParameterizedTest
    @ValueSource(strings = {
            "table: incidents\nlabel: {zh: 事件, en: Incidents}\ncolumns:\n  - {name: id, type: text, required: true}\n"
                    + "  - name: industry\n    values: [政府部门, {value: IT, label: IT 信息技术}]\n",
            "n: 1\nbig: 12345678901\nhuge: 123456789012345678901234567890\nx: 1.5\ne: 1e3\nyes: true\nno: false\nnothing: ~\n",
            "- a\n- [b, c]\n- {d: [e, {f: g}]}\n- \"quoted: text\"\n- ''\n",
            "key: first\nkey: second\n",
            "first: document\n---\nsecond: document\n",
            "just a scalar",
            "nested:\n  - - 1\n    - 2\n  - []\n  - {}\n"})
    void buildsTheTreeJacksonReads(String yaml) throws Exception {
        JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertEquals(expected, LocatedYaml.parse(FILE, yaml, 1).root());
    }

    @Test
    void anEmptyDocumentIsAMissingNode() throws Exception {
        assertTrue(LocatedYaml.parse(FILE, "", 1).root().isMissingNode());
    }

    @Test
    void locatesKeysAndValuesFromTheFirstLineItIsGiven() throws Exception {
        LocatedYaml yaml = LocatedYaml.parse(FILE, "title: 报告\ncolumns:\n  - name: id\n    type: txt\n", 3);
        assertEquals("chapter.md:6:11: error: wrong", yaml.problemAt("/columns/0/type", "wrong").format(HERE));
        assertEquals("chapter.md:6:5: error: wrong", yaml.keyProblemAt("/columns/0/type", "wrong").format(HERE));
        assertEquals("chapter.md:5:5: error: wrong", yaml.problemAt("/columns/0/unknown", "wrong").format(HERE));
    }

    @Test
    void aSyntaxErrorInALaterDocumentIsStillReported() {
        InputException e = assertThrows(InputException.class,
                () -> LocatedYaml.parse(FILE, "a: 1\n---\nb: [unclosed\n", 1));
        assertTrue(e.describe(HERE).contains("not valid YAML"), e.describe(HERE));
    }
}
