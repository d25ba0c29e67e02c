package org.threatreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        for (String formula : List.of("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1",
                "=HYPERLINK(\"http://evil.example\",\"click\")", "-", "+", "--5", "-5-", "+ 5", "-e")) {
            assertEquals("'" + formula, SpreadsheetCells.safe(formula), formula);
            assertEquals(formula, SpreadsheetCells.original(SpreadsheetCells.safe(formula)), formula);
        }
    }

    @Test
    void numbersAndOtherTextStayAsTheyAre() {
        for (String cell : List.of("-5", "+5", "-3.25", "+.5", "-1e-3", "2.5E+10", "-12%", "29.6%", "0", "政府部门",
                "a=b", "mail@example.org", " =1", "", "'quoted'", "x-y")) {
            assertEquals(cell, SpreadsheetCells.safe(cell), cell);
            assertEquals(cell, SpreadsheetCells.original(cell), cell);
        }
    }

    @Test
    void textStartingWithApostrophesComesBackExactly() {
        for (String cell : List.of("'=1", "''=1", "'-5", "''-5", "'@x")) {
            String safe = SpreadsheetCells.safe(cell);
            assertEquals("'" + cell, safe, cell);
            assertEquals(cell, SpreadsheetCells.original(safe), cell);
        }
    }

    @Test
    void aFiguresCsvMarksItsLabelsButNotItsNumbers() {
        List<List<String>> cells = List.of(List.of("-发现方式", "-5", "-1.0%"), List.of("@team", "12", "29.6%"),
                List.of("a,b", "3", "7%"));
        TableRows rows = new TableRows(List.of("=industry", "count", "share"), cells, cells);
        assertEquals("'=industry,count,share\r\n'-发现方式,-5,-1.0%\r\n'@team,12,29.6%\r\n\"a,b\",3,7%\r\n", rows.toCsv());
    }
}
