package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokenizerTest {

    @Test
    void chineseGivesEveryCharacterAndEveryPairOfNeighbours() {
        assertEquals(List.of("勒", "索", "勒索", "病", "索病", "毒", "病毒"), SearchTokenizer.tokens("勒索病毒"));
    }

    @Test
    void oneCharacterIsATermOfItsOwn() {
        assertEquals(List.of("毒"), SearchTokenizer.tokens("毒"));
        assertTrue(SearchTokenizer.tokens("木马病毒").contains("毒"));
    }

    @Test
    void punctuationAndSpacesSeparateRunsSoNoPairCrossesThem() {
        List<String> terms = SearchTokenizer.tokens("勒索、挖矿");
        assertEquals(List.of("勒", "索", "勒索", "挖", "矿", "挖矿"), terms);
    }

    @Test
    void otherLettersAndDigitsMakeLowerCaseWords() {
        assertEquals(List.of("ddos", "攻", "击", "攻击", "2017"), SearchTokenizer.tokens("DDoS攻击 2017"));
        assertEquals(List.of("e", "mail", "29", "6", "c", "and", "x86", "64"),
                SearchTokenizer.tokens("e-mail, 29.6%, C++ and x86_64"));
    }

    @Test
    void fullWidthLettersAndTheIdeographicSpaceBecomeAscii() {
        assertEquals("abc123 全角:web", SearchTokenizer.normalize("ＡＢＣ１２３　全角：ｗｅｂ"));
        assertEquals(List.of("abc123", "全", "角", "全角", "web"), SearchTokenizer.tokens("ＡＢＣ１２３　全角：ｗｅｂ"));
    }

    @Test
    void normalisingKeepsTheLengthSoPositionsPointIntoTheOriginal() {
        for (String sample : TokenizerSamples.STRINGS) {
            assertEquals(sample.length(), SearchTokenizer.normalize(sample).length(), sample);
        }
        // İ lower-cases to two characters: it stays as it is rather than shift every later position.
        assertEquals("İstanbul", SearchTokenizer.normalize("İstanbul"));
        assertEquals("σίσυφοσ", SearchTokenizer.normalize("ΣΊΣΥΦΟΣ"));
    }

    @Test
    void kanaHangulAndSupplementaryIdeographsAreCjk() {
        assertEquals(List.of("テ", "キ", "テキ", "한", "국", "한국"), SearchTokenizer.tokens("テキ 한국"));
        assertEquals(List.of("𠀀", "𠀁", "𠀀𠀁"), SearchTokenizer.tokens("𠀀𠀁"));
        assertEquals(List.of(), SearchTokenizer.tokens("😀 — !"));
    }
}
