package org.threatreport.model;

/** The words the model itself prints (numbering), in the report's language. */
public record Vocabulary(String figure, String table, boolean chinese) {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    public static Vocabulary forLanguage(String language) {
        return language.startsWith("zh") ? new Vocabulary("图", "表", true) : new Vocabulary("Figure", "Table", false);
    }

    /** "图 3" / "Figure 3". */
    public String figureLabel(int number) {
        return figure + " " + number;
    }

    public String tableLabel(int number) {
        return table + " " + number;
    }

    /** "第二章" / "Chapter 2". */
    public String chapterLabel(int number) {
        return chinese ? "第" + chineseNumeral(number) + "章" : "Chapter " + number;
    }

    static String chineseNumeral(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 100) {
            String tens = n / 10 == 1 ? "十" : DIGITS[n / 10] + "十";
            return tens + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        return Integer.toString(n);
    }
}
