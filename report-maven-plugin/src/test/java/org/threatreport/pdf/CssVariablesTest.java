package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CssVariablesTest {

    @Test
    void theSitesLightColoursCarryOverLaterSheetsWinning() {
        CssVariables variables = new CssVariables()
                .declare(":root { --accent: #0060a0; --text: #1f2328; }\n"
                        + "@media (prefers-color-scheme: dark) { :root { --accent: #58a6ff; } }")
                .declare("/* :root { --accent: red; } */ :root { --accent: #1d5c96; }");
        assertEquals("h1 { color: #1d5c96; border-color: #1f2328; }",
                variables.resolve("h1 { color: var(--accent); border-color: var( --text ); }"));
    }

    @Test
    void aFallbackIsUsedForAnUnknownVariableAndValuesMayUseOthers() {
        CssVariables variables = new CssVariables().declare(":root { --rule: var(--muted); --muted: #59636e; }")
                .set("--font", "\"report-font\"");
        assertEquals("a { border: 1px solid #59636e; color: rgb(1, 2, 3); font-family: \"report-font\"; x: initial }",
                variables.resolve("a { border: 1px solid var(--rule); color: var(--nope, rgb(1, 2, 3)); "
                        + "font-family: var(--font); x: var(--unknown) }"));
    }

    @Test
    void commentsGo() {
        assertEquals("a {  b: c }", CssVariables.withoutComments("a { /* var(--x) */ b: c }"));
    }
}
