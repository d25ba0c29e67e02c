package org.threatreport.data.sql;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ClickHouse: back-quoted names, backslash escapes in literals, {@code toYear}, {@code splitByString},
 * {@code ARRAY JOIN}, {@code match}.
 */
final class ClickHouseDialect extends SqlDialect {

    @Override
    public String name() {
        return "ClickHouse";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("\\", "\\\\").replace("`", "\\`") + '`';
    }

    @Override
    public String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String doubleLiteral(double value) {
        return "toFloat64(" + literal(Double.toString(value)) + ")";
    }

    @Override
    public String dateLiteral(LocalDate date) {
        return "toDate(" + literal(date.toString()) + ")";
    }

    @Override
    public String year(String dateExpression) {
        return "toInt32(toYear(" + dateExpression + "))";
    }

    @Override
    public String month(String dateExpression) {
        return "toInt32(toMonth(" + dateExpression + "))";
    }

    @Override
    public String length(String text) {
        return "lengthUTF8(" + text + ")";
    }

    @Override
    public String toInteger(String text) {
        return "toInt32(" + text + ")";
    }

    @Override
    public String toText(String expression) {
        return "toString(" + expression + ")";
    }

    @Override
    public String exactDecimal(String expression) {
        return "toDecimal128(" + expression + ", 10)";
    }

    @Override
    public String matches(String text, String regex) {
        return "match(" + text + ", " + literal("^(?:" + regex + ")$") + ")";
    }

    @Override
    public String parts(String cell, String separator, UnaryOperator<String> map) {
        return "arrayDistinct(arrayMap(p -> " + map.apply("trimBoth(p)") + ", splitByString(" + literal(separator)
                + ", " + cell + ")))";
    }

    @Override
    public String holdsAny(String cell, String separator, List<String> values) {
        return "hasAny(arrayMap(p -> trimBoth(p), splitByString(" + literal(separator) + ", " + cell + ")), ["
                + literals(values) + "])";
    }

    @Override
    public String unnest(String array, String alias) {
        return "ARRAY JOIN " + array + " AS " + alias;
    }

    @Override
    public String element(String alias) {
        return alias;
    }
}
