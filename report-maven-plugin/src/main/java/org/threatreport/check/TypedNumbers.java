package org.threatreport.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threatreport.diagnostic.Problem;
import org.threatreport.model.Chapter;

/**
 * Finds numbers typed by hand in a chapter's prose that equal a value the data computes — a count
 * or a share that will silently go stale when the data changes — and suggests the inline value to
 * write instead.
 *
 * <p>What counts as such a number, to keep false alarms rare:
 * <ul>
 *   <li>a percentage (29.6%, 30%) equal to a share printed with as many decimals; not 0% or 100%;</li>
 *   <li>a whole number of 10 or more equal to a count; small numbers ("3 类", "Top 5") coincide with
 *       some count far too often to mean anything;</li>
 *   <li>never a year (1900–2100), a date or time ("3 月", "10 日"), a rank ("第 3", "前 8"), an
 *       approximation ("100 余家", "超过 60 次", "about 40"), a number inside a word or version
 *       ("IPv6", "MS17-010", "3.5") or after a name ("Windows 10", "Figure 12"), or anything in code,
 *       {@code ${…}}, links, heading numbers and list markers (see {@link ProseText}).</li>
 * </ul>
 */
final class TypedNumbers {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{Nd}_.\\-/#@$%:,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{IsLatin}\\p{Nd}_\\-/:]|\\.\\d|,\\d)(\\s?[%％])?");
    private static final Pattern DATE_OR_RANK_AFTER = Pattern.compile("^\\s*(年|月|日|号|时|点|世纪|周岁|岁|位|名)");
    private static final Pattern RANK_BEFORE = Pattern.compile("(第|前|后|Top|top|TOP|No\\.|#)\\s*$");
    /** A name before the number makes it part of the name: "Windows 10", "Tomcat 8", "Figure 12". */
    private static final Pattern NAME_BEFORE = Pattern.compile("\\b[A-Z][A-Za-z]*\\s$");
    private static final Pattern APPROXIMATE_BEFORE = Pattern.compile(
            "(约|近|逾|超|超过|大约|将近|接近|几乎|不到|不足|上千|上百|数|~|～|≈|about|around|nearly|over|almost"
                    + "|approximately|roughly|more than|less than|fewer than|under|some)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern APPROXIMATE_AFTER = Pattern.compile(
            "^\\s*(余|多|来|左右|以上|以下|上下|\\+|plus\\b|or more\\b|odd\\b)", Pattern.CASE_INSENSITIVE);
    /** Words before a percentage that make it a change: "up 23.1%", "增长 23.1%". */
    private static final Pattern CHANGE_BEFORE = Pattern.compile(
            "(up|down|rose|fell|risen|fallen|increased?|decreased?|grew|dropped|rise|fall|drop|growth|增长|下降|上升|减少|增加|降低|提高|增幅|降幅)"
                    + "(\\s*(by|of|to))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final int SMALLEST_COUNT = 10;
    private static final int LISTED = 2;

    private final ComputedValues computed;

    TypedNumbers(ComputedValues computed) {
        this.computed = computed;
    }

    void check(Chapter chapter, ProseText text, List<Problem> into) {
        String[] lines = text.prose();
        for (int i = 0; i < lines.length; i++) {
            Matcher number = NUMBER.matcher(lines[i]);
            while (number.find()) {
                String before = lines[i].substring(0, number.start());
                String after = lines[i].substring(number.end());
                String typed = number.group();
                List<ComputedValues.Value> equal = equalValues(number, before, after);
                if (!equal.isEmpty()) {
                    int decimals = Math.max(0, new BigDecimal(digits(number)).scale());
                    into.add(Findings.warning(chapter.file(), i + 1, number.start() + 1, message(typed.strip(),
                            equal, decimals)));
                }
            }
        }
    }

    private List<ComputedValues.Value> equalValues(Matcher number, String before, String after) {
        if (APPROXIMATE_BEFORE.matcher(before).find() || APPROXIMATE_AFTER.matcher(after).find()) {
            return List.of();
        }
        BigDecimal value = new BigDecimal(digits(number));
        if (number.group(3) != null) {
            if (CHANGE_BEFORE.matcher(before).find()) {
                return computed.changesEqualTo(value);
            }
            if (value.signum() == 0 || value.compareTo(BigDecimal.valueOf(100)) == 0) {
                return List.of();
            }
            return computed.sharesEqualTo(value);
        }
        if (number.group(2) != null) {
            return computed.measuresEqualTo(value);
        }
        if (value.compareTo(BigDecimal.valueOf(SMALLEST_COUNT)) < 0
                || isYear(number, value) || DATE_OR_RANK_AFTER.matcher(after).find()
                || RANK_BEFORE.matcher(before).find() || NAME_BEFORE.matcher(before).find()) {
            return List.of();
        }
        List<ComputedValues.Value> equal = new java.util.ArrayList<>(computed.countsEqualTo(value.longValueExact()));
        equal.addAll(computed.measuresEqualTo(value));
        return equal;
    }

    private static boolean isYear(Matcher number, BigDecimal value) {
        return number.group(1).length() == 4 && value.intValue() >= 1900 && value.intValue() <= 2100;
    }

    private static String digits(Matcher number) {
        return number.group(1).replace(",", "") + (number.group(2) == null ? "" : number.group(2));
    }

    private static String message(String typed, List<ComputedValues.Value> equal, int decimals) {
        StringBuilder message = new StringBuilder("\"").append(typed).append("\" is typed by hand; it equals ");
        for (int i = 0; i < Math.min(LISTED, equal.size()); i++) {
            if (i > 0) {
                message.append(equal.size() == 2 ? " and " : ", ");
            }
            message.append(equal.get(i).description());
        }
        if (equal.size() > LISTED) {
            int more = equal.size() - LISTED;
            message.append(" and ").append(more).append(" other computed value").append(more == 1 ? "" : "s");
        }
        return message.append(" — write it as a computed value, e.g. ")
                .append(equal.get(0).expression(decimals)).toString();
    }
}
