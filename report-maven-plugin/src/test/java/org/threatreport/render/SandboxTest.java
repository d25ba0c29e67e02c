package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threatreport.diagnostic.InputException;

/**
 * Chapters are sandboxed: object creation, {@code ?api} and class access fail the chapter with a
 * located problem instead of running. Each attempt is a chapter of {@code render/sandbox/content/}.
 */
class SandboxTest {

    private static RenderFixture sandbox;

    @BeforeAll
    static void load() throws Exception {
        sandbox = RenderFixture.of("sandbox");
    }

    private static List<String> problems(String slug) {
        InputException e = assertThrows(InputException.class, () -> sandbox.render(slug));
        return e.describe(sandbox.contentDir).lines().toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "01-new               | 01-new.md:5:4: error: Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons.",
            "02-object-constructor| 02-object-constructor.md:5:1: error: Instantiating freemarker.template.utility.ObjectConstructor is not allowed in the template for security reasons.",
            "04-class-property    | 04-class-property.md:5:5: error: 'incidents.class' is not defined",
            "05-get-class         | 05-get-class.md:5:5: error: 'incidents.getClass' is not defined",
            "08-static            | 08-static.md:5:5: error: 'statics' is not defined; the values available are incidents, report",
    })
    void escapingTheSandboxFailsTheChapterAtTheExpression(String slug, String firstProblem) {
        assertEquals(firstProblem, problems(slug).get(0));
    }

    @Test
    void theApiBuiltInIsDisabled() {
        List<String> problems = problems("03-api");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("03-api.md:5:5: error: Can't use ?api, because the \"api_builtin_enabled\""
                + " configuration setting is false."), problems.get(0));
    }

    @Test
    void aClassReachedThroughAnotherObjectHasNoMethods() {
        // report.getClass() itself is a bug (see below); what it returns must still be inert
        assertEquals(List.of("06-record-class.md:5:5: error: 'report.getClass' is not defined"),
                problems("06-record-class"));
        assertEquals(List.of("07-entry-class.md:5:5: error: 'incidents.by(\"industry\").first().getClass' is not defined"),
                problems("07-entry-class"));
    }

    @Test
    void aBlockedCommandIsNotRun() throws Exception {
        Path witness = Path.of("target/sandbox-escaped"); // 01-new.md tries to `touch` it
        Files.deleteIfExists(witness);
        assertThrows(InputException.class, () -> sandbox.render("01-new"));
        assertFalse(Files.exists(witness));
    }

    @Test
    void getClassOfARecordIsNotAvailable() {
        assertThrows(InputException.class, () -> sandbox.render("09-record-get-class"));
        assertThrows(InputException.class, () -> sandbox.render("10-entry-get-class"));
    }
}
