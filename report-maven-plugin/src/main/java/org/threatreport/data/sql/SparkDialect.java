package org.threatreport.data.sql;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Spark SQL (its Thrift server, {@code jdbc:hive2:}): back-quoted names, backslash escapes in literals,
 * {@code split} by regular expression, {@code LATERAL VIEW explode}, {@code RLIKE}.
 */
final class SparkDialect extends SqlDialect {

    @Override
    public String name() {
        return "Spark SQL";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String toText(String expression) {
        return "CAST(" + expression + " AS STRING)";
    }

    @Override
    public String matches(String text, String regex) {
        return "(" + text + " RLIKE " + literal("^(?:" + regex + ")$") + ")";
    }

    /** Spark's {@code split} takes a regular expression: the separator, quoted. */
    private String splitAt(String separator) {
        return literal(java.util.regex.Pattern.quote(separator));
    }

    @Override
    public String parts(String cell, String separator, UnaryOperator<String> map) {
        return "array_distinct(transform(split(" + cell + ", " + splitAt(separator) + "), p -> " + map.apply("trim(p)")
                + "))";
    }

    @Override
    public String holdsAny(String cell, String separator, List<String> values) {
        return "arrays_overlap(transform(split(" + cell + ", " + splitAt(separator) + "), p -> trim(p)), array("
                + literals(values) + "))";
    }

    @Override
    public String unnest(String array, String alias) {
        return "LATERAL VIEW explode(" + array + ") " + alias + " AS v";
    }
}
