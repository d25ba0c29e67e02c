package org.threatreport.aggregate;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The words and number forms aggregations print themselves, in the report's language: Chinese for
 * {@code zh…} languages, English otherwise. Numbers are grouped as the language writes them
 * ({@code 1,938} in both, as the Unicode CLDR has it).
 */
public record Wording(boolean chinese) {

    private static final List<String> CHINESE_MONTHS = List.of(
            "1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月", "11 月", "12 月");
    private static final List<String> ENGLISH_MONTHS = List.of("January", "February", "March", "April", "May",
            "June", "July", "August", "September", "October", "November", "December");
    private static final List<String> ENGLISH_SHORT_MONTHS = List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    public static Wording forLanguage(String language) {
        return new Wording(language.startsWith("zh"));
    }

    public Locale locale() {
        return chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The label of the entry that folds the rest of a list: "其他" / "Other". */
    public String other() {
        return chinese ? "其他" : "Other";
    }

    /** The fold's label when a value of the list is already labelled {@link #other()}. */
    public String otherFolded() {
        return chinese ? "其他（合并）" : "Other (folded)";
    }

    /** Between the items of a list printed as text. */
    public String separator() {
        return chinese ? "、" : ", ";
    }

    /** The months' names as prose and tables print them: "1 月" / "September". */
    public List<String> months() {
        return chinese ? CHINESE_MONTHS : ENGLISH_MONTHS;
    }

    /** The months' names on a chart's axis: "1 月" / "Sep". */
    public List<String> shortMonths() {
        return chinese ? CHINESE_MONTHS : ENGLISH_SHORT_MONTHS;
    }

    /** Month {@code month} (1–12) of {@code year}, for lists that span several years: "2016 年 9 月" / "September 2016". */
    public String monthOfYear(int year, int month, boolean shortForm) {
        return chinese ? year + " 年 " + month + " 月"
                : (shortForm ? ENGLISH_SHORT_MONTHS : ENGLISH_MONTHS).get(month - 1) + " " + year;
    }

    /** A year as a label: "2016 年" / "2016". */
    public String year(int year) {
        return chinese ? year + " 年" : Integer.toString(year);
    }

    /** A whole number with the language's digit grouping: 1,938. */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale()).format(count);
    }

    /** A decimal with the language's digit grouping and exactly its own scale's decimals: 1,938.50. */
    public String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setGroupingUsed(true);
        int decimals = Math.max(0, value.scale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
        return format.format(value);
    }

    /** In place of a share of fewer than {@code minN} rows: says why no percentage is printed. */
    public String tooFew(long base, int minN) {
        return chinese ? "样本过少（n = " + count(base) + "，少于 " + minN + "）"
                : "too few to show (n = " + count(base) + ", fewer than " + minN + ")";
    }

    /** Whether a printed value is a share of too few rows ({@link #tooFew}), in either language. */
    public static boolean isTooFew(String printed) {
        return printed.contains("too few to show (n = ") || printed.contains("样本过少（n = ");
    }

    /** In place of a measure of no cells. */
    public String noValue() {
        return chinese ? "无数值（n = 0）" : "no value (n = 0)";
    }

    /** A figure's base: "n = 1,938". */
    public String base(long n) {
        return "n = " + count(n);
    }

    // ---- notes under figures and tables ----------------------------------------------------------

    /** Between the parts of a note. */
    public String noteSeparator() {
        return chinese ? "；" : "; ";
    }

    /** "excluding Unknown (212)" / "不含 Unknown（212）". */
    public String excluding(String values, long rows) {
        return chinese ? "不含" + values + "（" + count(rows) + "）" : "excluding " + values + " (" + count(rows) + ")";
    }

    /** Rows of a month chart whose date gives no month. */
    public String withoutMonth(long rows) {
        return chinese ? "未注明月份的 " + count(rows) + " 条未计入各月" : count(rows) + " with no month not shown";
    }

    /** Rows whose measured (or binned) cell is empty. */
    public String withoutValue(long rows) {
        return chinese ? "无数值的 " + count(rows) + " 条未计入" : count(rows) + " with no value left out";
    }

    /** Rows whose counted cell is empty. */
    public String withoutCategory(long rows) {
        return chinese ? "未填写的 " + count(rows) + " 条未计入" : count(rows) + " not recorded left out";
    }

    /** Values outside every bin of a histogram. */
    public String outsideBins(long rows) {
        return chinese ? "超出分组范围的 " + count(rows) + " 条未计入" : count(rows) + " outside the bins left out";
    }

    /** Shares not printed because their base is too small. */
    public String tooFewNote(int minN) {
        return chinese ? "—：少于 " + minN + " 条，不计占比" : "—: fewer than " + minN + " rows, no share shown";
    }

    /** The heading of a table's change column: "较上年变化" / "Change on 2016". */
    public String changeTitle(int year, int compared) {
        return chinese ? (compared == year - 1 ? "较上年变化" : "较 " + compared + " 年变化") : "Change on " + compared;
    }

    /** The heading of a per-year table's change column. */
    public String changeTitle() {
        return chinese ? "较上年变化" : "Change on the year before";
    }

    /** What a measure cell's values are: "Median of Records" / "Records（中位数）". */
    public String measureTitle(String measure, String column) {
        String name = switch (measure) {
            case "sum" -> chinese ? "合计" : "Total";
            case "mean" -> chinese ? "平均值" : "Mean";
            case "median" -> chinese ? "中位数" : "Median";
            case "min" -> chinese ? "最小值" : "Minimum";
            case "max" -> chinese ? "最大值" : "Maximum";
            default -> chinese ? "第 " + measure.substring(1) + " 百分位数" : measure.substring(1) + "th percentile";
        };
        return chinese ? column + "（" + name + "）" : name + " of " + column;
    }

    // ---- changes ---------------------------------------------------------------------------------

    /** "较上年" / "较 2015 年" and "on 2016": with what a change compares. */
    private String since(int year, int compared) {
        return chinese ? (compared == year - 1 ? "较上年" : "较 " + compared + " 年") : "on " + compared;
    }

    /** A rise or fall in percent: "较上年增长 23.1%" / "up 23.1% on 2016". */
    public String changePercent(int sign, String percent, int year, int compared) {
        if (sign == 0) {
            return unchanged(year, compared);
        }
        return chinese ? since(year, compared) + (sign > 0 ? "增长 " : "下降 ") + percent
                : (sign > 0 ? "up " : "down ") + percent + " " + since(year, compared);
    }

    /** A rise or fall by an amount: "较上年增加 217" / "up 217 on 2016". */
    public String changeAmount(int sign, String amount, int year, int compared) {
        if (sign == 0) {
            return unchanged(year, compared);
        }
        return chinese ? since(year, compared) + (sign > 0 ? "增加 " : "减少 ") + amount
                : (sign > 0 ? "up " : "down ") + amount + " " + since(year, compared);
    }

    /** A share's rise or fall: "较上年上升 2.3 个百分点" / "up 2.3 percentage points on 2016". */
    public String changePoints(int sign, String points, int year, int compared) {
        if (sign == 0) {
            return unchanged(year, compared);
        }
        return chinese ? since(year, compared) + (sign > 0 ? "上升 " : "下降 ") + points + " 个百分点"
                : (sign > 0 ? "up " : "down ") + points + " percentage points " + since(year, compared);
    }

    /** "与上年持平" / "unchanged on 2016". */
    public String unchanged(int year, int compared) {
        return chinese ? (compared == year - 1 ? "与上年持平" : "与 " + compared + " 年持平") : "unchanged on " + compared;
    }

    /** A rise from nothing, which no percentage can express: "由上年的 0 增至 12" / "up from 0 in 2016 to 12". */
    public String fromZero(String now, int year, int compared) {
        return chinese ? "由" + (compared == year - 1 ? "上年" : compared + " 年") + "的 0 增至 " + now
                : "up from 0 in " + compared + " to " + now;
    }

    /** Two values that cannot be compared, and why. */
    public String notComparable(int year, int compared, boolean tooFew) {
        if (chinese) {
            return "无法与" + (compared == year - 1 ? "上年" : compared + " 年") + "比较（"
                    + (tooFew ? "样本过少" : compared + " 年无数值") + "）";
        }
        return "not comparable with " + compared + (tooFew ? " (too few rows)" : " (no " + compared + " value)");
    }
}
