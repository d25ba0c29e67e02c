package org.threatreport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How a change between two years prints: in percent, as a difference, in points, and where it has no number. */
class ChangeTest {

    private static final Wording EN = Wording.forLanguage("en");
    private static final Wording ZH = Wording.forLanguage("zh-CN");

    private static Change counts(long now, long before, Wording wording) {
        return Change.ofCounts(now, before, 2017, 2016, wording);
    }

    private static Change measures(String now, String before) {
        Measured earlier = new Measured(new BigDecimal(before), 10, Measured.DEFAULT, EN, 2016, () -> null);
        Measured later = new Measured(new BigDecimal(now), 10, Measured.DEFAULT, EN, 2017, () -> earlier);
        return later.change();
    }

    @Test
    void aCountChangesInPercentWithOneDecimal() {
        assertEquals("up 25.6% on 2016", counts(540, 430, EN).toString());
        assertEquals("up 10.0% on 2016", counts(110, 100, EN).toString());
        assertEquals("较上年下降 50.0%", counts(5, 10, ZH).toString());
        assertEquals("+25.6%", counts(540, 430, EN).signed());
        assertEquals("up 26% on 2016", counts(540, 430, EN).digits(0).toString());
    }

    @Test
    void aCountsDifferenceIsAWholeNumber() {
        assertEquals("up 110 on 2016", counts(540, 430, EN).difference().toString());
        assertEquals("较上年减少 1,200", counts(300, 1500, ZH).difference().toString());
        assertEquals("+110", counts(540, 430, EN).difference().signed());
        assertEquals(new BigDecimal("110"), counts(540, 430, EN).difference().amount());
    }

    @Test
    void decimalsAskedForAreKeptWhicheverComesFirst() {
        assertEquals("up 110.00 on 2016", counts(540, 430, EN).difference().digits(2).toString());
        assertEquals("up 110.00 on 2016", counts(540, 430, EN).digits(2).difference().toString());
    }

    @Test
    void aMeasuresDifferencePrintsAsTheMeasureDoes() {
        assertEquals("down 3 on 2016", measures("31", "34").difference().toString());
        assertEquals("down 3.5 on 2016", measures("30.5", "34").difference().toString());
        assertEquals("up 0.3 on 2016", measures("30.25", "30").difference().toString());
        assertEquals("down 8.8% on 2016", measures("31", "34").toString());
    }

    @Test
    void noChangeAndAChangeFromZeroAreSaidInWords() {
        assertEquals("unchanged on 2016", counts(7, 7, EN).toString());
        assertEquals("unchanged on 2016", counts(7, 7, EN).difference().toString());
        assertEquals("up from 0 in 2016 to 12", counts(12, 0, EN).toString());
        assertEquals("+12", counts(12, 0, EN).signed());
        assertEquals("up from 0 in 2016 to 2.5", measures("2.5", "0").toString());
        assertEquals("与上年持平", counts(0, 0, ZH).toString());
    }
}
