package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chapter, figure and table numbers as readers see them. */
class VocabularyTest {

    @ParameterizedTest(name = "chapter {0} is {1}")
    @CsvSource({
            "1,  第一章",
            "9,  第九章",
            "10, 第十章",
            "11, 第十一章",
            "20, 第二十章",
            "23, 第二十三章",
            "99, 第九十九章",
    })
    void chineseChapterNumbers(int number, String label) {
        assertEquals(label, Vocabulary.forLanguage("zh-CN").chapterLabel(number));
    }

    @Test
    void englishAndChineseLabels() {
        assertEquals("Chapter 12", Vocabulary.forLanguage("en").chapterLabel(12));
        assertEquals("Figure 3", Vocabulary.forLanguage("en").figureLabel(3));
        assertEquals("Table 1", Vocabulary.forLanguage("en").tableLabel(1));
        assertEquals("图 3", Vocabulary.forLanguage("zh-CN").figureLabel(3));
        assertEquals("表 1", Vocabulary.forLanguage("zh-CN").tableLabel(1));
    }
}
