package org.threatreport.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SvgWriterTest {

    @Test
    void numbersHaveTwoDecimalsAtMostAndNoLocale() {
        assertEquals("0", SvgWriter.num(-0.001));
        assertEquals("1.5", SvgWriter.num(1.5));
        assertEquals("1.05", SvgWriter.num(1.049999));
        assertEquals("-12.3", SvgWriter.num(-12.3));
        assertEquals("1234567", SvgWriter.num(1234567.0));
    }

    @Test
    void xmlDropsForbiddenCharacters() {
        assertEquals("a&amp;b&lt;c&gt;d", SvgWriter.xml("a&b<c>d\u0001"));
    }

    @Test
    void niceAxisEnds() {
        assertEquals(67, ValueRange.niceUp(66.08), 1e-9);
        assertEquals(0.5, ValueRange.niceUp(0.5), 1e-9);
        assertEquals(1200, ValueRange.niceUp(1150.2), 1e-9);
    }
}
