package org.threatreport.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new report is made of: given values checked, missing ones asked for or defaulted. */
class NewReportTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    static final NewReport.Plugin PLUGIN = new NewReport.Plugin("org.threatreport", "report-maven-plugin", "2017.0-SNAPSHOT");

    @TempDir
    Path dir;

    static NewReport.Given given(String folder, String title, String organisation, String year, String language) {
        return new NewReport.Given(folder, title, organisation, year, language, null);
    }

    /** Answers from a script, recording the questions and refusals. */
    static final class Scripted implements Prompt {
        final List<String> answers;
        final List<String> asked = new ArrayList<>();
        final List<String> refused = new ArrayList<>();

        Scripted(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public String ask(String question, String defaultValue) throws EOFException {
            asked.add(question + " [" + defaultValue + "]");
            if (answers.isEmpty()) {
                throw new EOFException("no answer to '" + question + "'");
            }
            String answer = answers.remove(0);
            return answer.isEmpty() ? defaultValue : answer;
        }

        @Override
        public void refuse(String reason) {
            refused.add(reason);
        }
    }

    @Test
    void givenValuesAreTakenAsTheyAre() throws Exception {
        NewReport report = NewReport.settle(given("reports/My Report 2024", "2024 年度安全报告", "某某单位", "2024", "EN"),
                new Scripted(), dir, TODAY, PLUGIN);
        assertEquals(dir.resolve("reports/My Report 2024"), report.folder());
        assertEquals("my-report-2024", report.artifactId());
        assertEquals("en", report.language(), "the language's case does not matter");
        assertEquals(2024, report.year());
        assertEquals("org.example.reports", report.groupId());
        assertEquals(TODAY, report.date());
    }

    @Test
    void inBatchModeTheMissingValuesTakeTheirDefaults() throws Exception {
        NewReport zh = NewReport.settle(given(null, null, null, null, null), null, dir, TODAY, PLUGIN);
        assertEquals("zh-CN", zh.language());
        assertEquals(2024, zh.year(), "last year: the report covers the year just ended");
        assertEquals("2024 年网络安全报告", zh.title());
        assertEquals("示例安全团队", zh.organisation());
        assertEquals(dir.resolve("threat-report-2024"), zh.folder());

        NewReport en = NewReport.settle(given(null, null, null, "2023", "en"), null, dir, TODAY, PLUGIN);
        assertEquals("Cyber-security report 2023", en.title());
        assertEquals("Example Security Team", en.organisation());
        assertEquals("threat-report-2023", en.folder().getFileName().toString());
    }

    @Test
    void everyMistakeOfTheGivenValuesIsNamedAtOnce() {
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> NewReport.settle(
                new NewReport.Given("x", "two\nlines", " ", "24", "zh-TW", "a b"), new Scripted(), dir, TODAY, PLUGIN));
        assertEquals(5, e.mistakes().size(), e.getMessage());
        assertTrue(e.getMessage().contains("report.language 'zh-TW' has no example texts (did you mean 'zh-CN'?): use zh-CN or en"),
                e.getMessage());
        assertTrue(e.getMessage().contains("report.year '24' is not a year: use four digits, e.g. 2024"), e.getMessage());
        assertTrue(e.getMessage().contains("report.title must be one line of text"), e.getMessage());
        assertTrue(e.getMessage().contains("report.organisation is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("report.groupId 'a b' is not a Maven group id"), e.getMessage());
    }

    @Test
    void missingValuesAreAskedForAndAnUnusableAnswerIsAskedAgain() throws Exception {
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/pom.xml"), "<project/>");
        Scripted prompt = new Scripted("fr", "en", "", "Threat landscape", "ACME CERT", "taken", "acme-2024");
        NewReport report = NewReport.settle(given(null, null, null, null, null), prompt, dir, TODAY, PLUGIN);

        assertEquals(List.of("Language of the report (zh-CN or en) [zh-CN]", "Language of the report (zh-CN or en) [zh-CN]",
                "Year the data covers [2024]", "Title [Cyber-security report 2024]", "Organisation [Example Security Team]",
                "Folder to create [threat-report-2024]", "Folder to create [threat-report-2024]"), prompt.asked);
        assertEquals(2, prompt.refused.size());
        assertTrue(prompt.refused.get(0).startsWith("report.language 'fr' has no example texts"), prompt.refused.get(0));
        assertTrue(prompt.refused.get(1).contains("'taken' already exists and is not empty"), prompt.refused.get(1));
        assertEquals("en", report.language());
        assertEquals(2024, report.year());
        assertEquals("Threat landscape", report.title());
        assertEquals("ACME CERT", report.organisation());
        assertEquals(dir.resolve("acme-2024"), report.folder());
    }

    @Test
    void threeUnusableAnswersStop() {
        Scripted prompt = new Scripted("fr", "de", "jp");
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> NewReport.settle(given(null, null, null, null, null), prompt, dir, TODAY, PLUGIN));
        assertTrue(e.getMessage().startsWith("report.language 'jp'"), e.getMessage());
    }

    @Test
    void aGivenFolderThatIsNotEmptyIsRefusedBeforeAnyQuestion() throws Exception {
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/notes.md"), "mine");
        Scripted prompt = new Scripted();
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> NewReport.settle(given("old", null, null, null, null), prompt, dir, TODAY, PLUGIN));
        assertTrue(e.getMessage().contains("report.folder 'old' already exists and is not empty: nothing was written"),
                e.getMessage());
        assertEquals(List.of(), prompt.asked);
        assertTrue(Files.exists(dir.resolve("old/notes.md")));
    }

    @Test
    void theConsolePromptShowsTheDefaultAndTakesItForAnEmptyAnswer() throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        ConsolePrompt prompt = new ConsolePrompt(new BufferedReader(new StringReader("\n  ACME  \n")),
                new PrintStream(shown, true, StandardCharsets.UTF_8));
        assertEquals("2024", prompt.ask("Year the data covers", "2024"));
        assertEquals("ACME", prompt.ask("Organisation", "Example"));
        prompt.refuse("not a year");
        assertEquals("Year the data covers [2024]: Organisation [Example]:   not a year" + System.lineSeparator(),
                shown.toString(StandardCharsets.UTF_8));
        assertThrows(EOFException.class, () -> prompt.ask("Title", "x"));
    }

    @Test
    void folderNamesBecomeArtifactIds() {
        assertEquals("threat-report-2024", NewReport.artifactId("Threat Report 2024"));
        assertEquals("threat-report", NewReport.artifactId("年度报告"));
        assertEquals("a.b_c-d", NewReport.artifactId("-a.b_c-d."));
    }
}
