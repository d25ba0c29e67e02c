package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @fig-…} and {@code @tbl-…} in the prose: which text is a reference, and which references are checked. */
class CrossReferencesTest {

    private static List<String> references(String text) {
        return CrossReferences.in(text).stream().map(CrossReferences.Located::id).toList();
    }

    @ParameterizedTest(name = "\"{0}\" refers to {1}")
    @CsvSource(delimiter = '|', value = {
            "见 @fig-industry。           | fig-industry",
            "(@tbl-top-8)                 | tbl-top-8",
            "@fig-monthly 所示            | fig-monthly",
            "see @fig-area-intent, and    | fig-area-intent",
            "ends with a dot @fig-scope.  | fig-scope",
    })
    void aReferenceIsAtSignPrefixAndId(String text, String id) {
        assertEquals(List.of(id), references(text));
    }

    @ParameterizedTest(name = "\"{0}\" has no reference")
    @CsvSource(delimiter = '|', value = {
            "mail someone@fig-example.com",
            "@figure-1",
            "@img-industry",
            "@@fig-industry",
    })
    void otherAtSignsAreNotReferences(String text) {
        assertEquals(List.of(), references(text));
    }

    @Test
    void referencesInsideCodeBlocksAreNotChecked() throws Exception {
        Report report = ModelFixture.load("reference-in-code");
        assertEquals(List.of("tbl-industry"), report.chapters().get(0).cells().stream().map(Cell::id).toList());
    }

    @Test
    void referencesResolveAcrossChaptersAndFromTheAbstract() throws Exception {
        // index.md and 02-findings.md both refer to fig-industry of 01-intro.md; an unresolved one would throw
        Report report = ModelFixture.load("ordered");
        assertTrue(report.abstractPage().template().contains("@fig-industry"));
        assertEquals("01-intro", report.cell("fig-industry").orElseThrow().chapter().slug());
    }

    // --- bugs ----------------------------------------------------------------------------------

    @Test
    void aReferenceToACellWithAMistakeIsNotReportedAsUnknown() throws Exception {
        assertEquals(List.of("01-refs.md:9:9: error: unknown column 'industy' (did you mean 'industry'?); the columns"
                        + " of incidents are id, date, industry, scope, tags, cost, hosts, resolved, month"),
                ModelFixture.problems("reference-to-broken-cell"));
    }

    @Test
    void aOneCharacterIdIsAReference() throws Exception {
        assertEquals(List.of("fig-1"), references("见 @fig-1。"));
        assertEquals(List.of("01-refs.md:5:17: error: no figure or table has id 'fig-x' (did you mean 'fig-1'?)"),
                ModelFixture.problems("reference-short-id"));
    }

    @Test
    void aReferenceRightAfterAChineseCharacterIsAReference() throws Exception {
        assertEquals(List.of("fig-industry"), references("如图@fig-industry所示"));
        assertEquals(List.of("01-refs.md:5:3: error: no figure or table has id 'fig-industy' (did you mean 'fig-industry'?)"),
                ModelFixture.problems("reference-after-cjk"));
    }

    @Test
    void aCellInsideALongerCodeFenceIsAnExampleNotACell() throws Exception {
        Report report = ModelFixture.load("code-example");
        assertEquals(List.of(), report.chapters().get(0).cells());
    }
}
