package org.threatreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CssTextTest {

    @Test
    void textIsQuotedSafely() {
        assertEquals("\"a \\\"b\\\" \\\\ c\\A d \\3C /style>\"", CssText.quoted("a \"b\" \\ c\nd </style>"));
    }

    @Test
    void pageNumbersTakeThePlaceOfTheMessagesPlaceholders() {
        assertEquals("\"第 \" counter(page) \" 页\"", CssText.pageCounter("第 {0} 页"));
        assertEquals("\"Page \" counter(page) \" of \" counter(pages)", CssText.pageCounter("Page {0} of {1}"));
        assertEquals("\"（第 \" target-counter(attr(href), page) \" 页）\"", CssText.targetCounter("（第 {0} 页）"));
        assertEquals("target-counter(attr(href), page)", CssText.targetCounter("{0}"));
        assertEquals("\"\"", CssText.pageCounter(""));
    }
}
