package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stacked chart refuses the options it would not apply, at their keys. */
class StackedCellTest {

    @Test
    void topAndGroupsAreRefusedOnAStackedChart() throws Exception {
        String why = "is not applied to stacked charts: every value of 'column' is a column and every value of"
                + " 'stack' a series; remove it, or count a column with fewer values";
        assertEquals(List.of("01-cells.md:10:1: error: 'top' " + why, "01-cells.md:11:1: error: 'groups' " + why),
                ModelFixture.problems("stacked-top-groups"));
    }
}
