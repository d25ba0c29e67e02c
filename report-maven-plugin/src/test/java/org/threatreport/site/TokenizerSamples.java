package org.threatreport.site;

import java.util.List;

/**
 * Strings both tokenizers are fed — {@link SearchTokenizer} here, {@code assets/search.js} in the
 * browser test — which must cut them into the same terms.
 */
public final class TokenizerSamples {

    public static final List<String> STRINGS = List.of(
            "",
            "毒",
            "勒索病毒",
            "2017 年，360 安服团队共参与处置网络安全应急响应事件 199 起。",
            "勒索病毒、挖矿木马和 DDoS 攻击",
            "ＡＢＣ１２３　全角：ｗｅｂ",
            "Ransomware attacks: WannaCry & NotPetya (2017)",
            "Ünïcödé ÉCOLE straße İstanbul ΣΊΣΥΦΟΣ",
            "日本語のテキストと한국어",
            "𠀀𠀁 is CJK extension B; 😀 is not",
            "e-mail, 29.6%, C++ and x86_64",
            "soft\nbreak 中\n文\ttab",
            "黑产活动和敲诈勒索是两大动机");

    private TokenizerSamples() {
    }
}
