package org.threatreport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rounding rule for every share: half-up, one decimal unless {@code digits(n)} says otherwise. */
class ShareTest {

    @ParameterizedTest(name = "{0}/{1} with {2} decimals prints {3}")
    @CsvSource({
            "99,  199, 1, 49.7%",
            "1,   8,   1, 12.5%",
            "59,  199, 1, 29.6%",
            "175, 199, 0, 88%",
            "1,   16,  1, 6.3%",   // 6.25: half-up, not half-even (6.2)
            "3,   16,  1, 18.8%",  // 18.75
            "1,   40,  0, 3%",     // 2.5
            "5,   8,   0, 63%",    // 62.5
            "1,   3,   2, 33.33%",
            "2,   3,   2, 66.67%",
            "0,   7,   1, 0.0%",
            "7,   7,   1, 100.0%",
            "7,   7,   0, 100%",
            "1,   1000000, 1, 0.0%",
            "1,   2000,    1, 0.1%", // 0.05
    })
    void roundsHalfUpToTheRequestedDecimals(long count, long base, int decimals, String printed) {
        assertEquals(printed, Share.of(count, base).digits(decimals).toString());
    }

    @Test
    void hasOneDecimalByDefault() {
        assertEquals(1, Share.of(1, 3).decimals());
        assertEquals("33.3%", Share.of(1, 3).toString());
        assertEquals(new BigDecimal("33.3"), Share.of(1, 3).percent());
    }

    @Test
    void ofAZeroBaseIsZeroWithTheRequestedDecimals() {
        assertEquals("0.0%", Share.of(0, 0).toString());
        assertEquals("0%", Share.of(0, 0).digits(0).toString());
        assertEquals("0.00%", Share.of(0, 0).digits(2).toString());
    }

    @Test
    void digitsKeepsCountAndBase() {
        Share share = Share.of(175, 199).digits(0);
        assertEquals(175, share.count());
        assertEquals(199, share.base());
        assertEquals("87.9%", share.digits(1).toString());
    }

    @Test
    void rejectsDecimalsOutsideZeroToSix() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> Share.of(1, 3).digits(7));
        assertEquals("a share has 0 to 6 decimals, not 7", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Share.of(1, 3).digits(-1));
    }
}
