package org.threatreport.data.sql;

import java.util.List;
import java.util.function.UnaryOperator;

/** Trino (and Presto): arrays with {@code split} and {@code transform}, {@code regexp_like}. */
final class TrinoDialect extends SqlDialect {

    @Override
    public String name() {
        return "Trino";
    }

    @Override
    public String matches(String text, String regex) {
        return "regexp_like(" + text + ", " + literal("^(?:" + regex + ")$") + ")";
    }

    @Override
    public String parts(String cell, String separator, UnaryOperator<String> map) {
        return "array_distinct(transform(split(" + cell + ", " + literal(separator) + "), p -> " + map.apply("trim(p)")
                + "))";
    }

    @Override
    public String holdsAny(String cell, String separator, List<String> values) {
        return "arrays_overlap(transform(split(" + cell + ", " + literal(separator) + "), p -> trim(p)), ARRAY["
                + literals(values) + "])";
    }
}
